package io.deepmail.submission.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpCommandsUnitTests {

    private final EmbeddedChannel channel = new EmbeddedChannel(SmtpCommandEncoder.INSTANCE);

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private String encode(SmtpCommand command) {
        channel.writeOutbound(command);
        ByteBuf out = channel.readOutbound();
        try {
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
        }
    }

    @Test
    @DisplayName("commands and their parameters are written as one CRLF-terminated line")
    void lines() {
        assertThat(encode(SmtpCommands.ehlo("[127.0.0.1]"))).isEqualTo("EHLO [127.0.0.1]\r\n");
        assertThat(encode(SmtpCommands.mailFrom("alice@example.test",
                List.of("SIZE=1024", "BODY=8BITMIME", "RET=HDRS", "ENVID=" + SmtpSyntax.xtext("id+1=x"), "REQUIRETLS"),
                false)))
                .isEqualTo("MAIL FROM:<alice@example.test> SIZE=1024 BODY=8BITMIME RET=HDRS ENVID=id+2B1+3Dx REQUIRETLS\r\n");
        assertThat(encode(SmtpCommands.mailFrom("", List.of(), false))).isEqualTo("MAIL FROM:<>\r\n");
        assertThat(encode(SmtpCommands.rcptTo("bob@example.test",
                List.of("NOTIFY=SUCCESS,FAILURE", "ORCPT=rfc822;" + SmtpSyntax.xtext("bob@example.test")), false)))
                .isEqualTo("RCPT TO:<bob@example.test> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;bob@example.test\r\n");
        assertThat(encode(SmtpCommands.rcptTo("jörg@example.test", List.of(), true)))
                .isEqualTo("RCPT TO:<jörg@example.test>\r\n");
        assertThat(encode(SmtpCommands.data())).isEqualTo("DATA\r\n");
        assertThat(encode(SmtpCommands.auth("PLAIN", "AGFsaWNlAHNlY3JldA=="))).isEqualTo("AUTH PLAIN AGFsaWNlAHNlY3JldA==\r\n");
        assertThat(encode(SmtpCommands.authResponse(""))).isEqualTo("\r\n");
        assertThat(encode(SmtpCommands.quit())).isEqualTo("QUIT\r\n");
    }

    @Test
    @DisplayName("secrets never appear in toString")
    void sensitive() {
        assertThat(SmtpCommands.auth("PLAIN", "c2VjcmV0")).hasToString("AUTH ***");
        assertThat(SmtpCommands.authResponse("c2VjcmV0")).hasToString("***");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob@example.test>\r\nRCPT TO:<eve@evil.test", "bob@example.test\nDATA", "bob@exa\rmple.test",
            "bob@example.test\u0000", "bob@example.test> NOTIFY=NEVER", "jörg@example.test", "no-at-sign", "@example.test",
            "bob@", "bob @example.test", "\"quoted\"@example.test"})
    @DisplayName("CVE-2025-7962 class: CR, LF, NUL, brackets, spaces and unexpected non-ASCII in addresses are refused")
    void injectionInAddresses(String address) {
        assertThatThrownBy(() -> SmtpCommands.rcptTo(address, List.of(), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpCommands.mailFrom(address, List.of(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIZE=1\r\nRSET", "NOTIFY=NEVER\n", "X=a b", "X=", "=x", "BAD KEY", "K=v=w", "K=\u00e9",
            "-X=1"})
    @DisplayName("parameters that are not esmtp-keyword[=esmtp-value] are refused")
    void injectionInParameters(String parameter) {
        assertThatThrownBy(() -> SmtpCommands.mailFrom("alice@example.test", List.of(parameter), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("even a hand-built command cannot carry a line break, and EHLO domains are checked")
    void constructorGuard() {
        assertThatThrownBy(() -> new SmtpCommand("NOOP", "x\r\nQUIT", false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpCommand("NO OP", "", false, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpCommands.ehlo("host\r\nMAIL FROM:<x@y>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpCommands.auth("PLAIN", "abc\r\n")).isInstanceOf(IllegalArgumentException.class);
        assertThat(channel.outboundMessages()).as("nothing was written").isEmpty();
    }

    @Test
    @DisplayName("xtext encodes every octet outside 33..126, '+' and '='")
    void xtext() {
        assertThat(SmtpSyntax.xtext("a b+c=d\r\né")).isEqualTo("a+20b+2Bc+3Dd+0D+0A+C3+A9");
    }
}
