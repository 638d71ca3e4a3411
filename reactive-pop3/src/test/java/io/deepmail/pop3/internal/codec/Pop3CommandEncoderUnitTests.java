package io.deepmail.pop3.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pop3CommandEncoderUnitTests {

    private static String encode(Pop3Command command) {
        Expectations expectations = new Expectations();
        EmbeddedChannel channel = new EmbeddedChannel(new Pop3CommandEncoder(expectations));
        channel.writeOutbound(command);
        ByteBuf out = channel.readOutbound();
        try {
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
            channel.finishAndReleaseAll();
        }
    }

    @Test
    @DisplayName("each command is one CRLF line")
    void lines() {
        assertThat(encode(Pop3Command.capa())).isEqualTo("CAPA\r\n");
        assertThat(encode(Pop3Command.stls())).isEqualTo("STLS\r\n");
        assertThat(encode(Pop3Command.user("alice@example.test"))).isEqualTo("USER alice@example.test\r\n");
        assertThat(encode(Pop3Command.pass("with space"))).isEqualTo("PASS with space\r\n");
        assertThat(encode(Pop3Command.top(3, 0))).isEqualTo("TOP 3 0\r\n");
        assertThat(encode(Pop3Command.retr(12))).isEqualTo("RETR 12\r\n");
        assertThat(encode(Pop3Command.auth("plain", "AGEAYg=="))).isEqualTo("AUTH PLAIN AGEAYg==\r\n");
        assertThat(encode(Pop3Command.saslResponse(""))).isEqualTo("\r\n");
        assertThat(encode(Pop3Command.quit())).isEqualTo("QUIT\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nDELE 1", "a\nb", "a\rb", "a\0b"})
    @DisplayName("CR, LF and NUL in an argument are refused before anything is written")
    void injection(String value) {
        assertThatThrownBy(() -> Pop3Command.user(value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pop3Command.pass(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("message numbers start at 1, and secrets never reach toString")
    void validation() {
        assertThatThrownBy(() -> Pop3Command.retr(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Pop3Command.pass("secret").toString()).doesNotContain("secret");
        assertThat(Pop3Command.user("alice").toString()).doesNotContain("alice");
    }
}
