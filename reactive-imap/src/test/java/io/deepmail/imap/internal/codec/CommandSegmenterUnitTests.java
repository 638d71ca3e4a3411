package io.deepmail.imap.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandSegmenterUnitTests {

    private static List<String> wire(CommandSegmenter s, String verb, Arg... args) {
        EmbeddedChannel ch = new EmbeddedChannel(new ImapCommandEncoder());
        List<String> out = new ArrayList<>();
        for (CommandSegment seg : s.segments("a1", verb, List.of(args))) {
            ch.writeOutbound(seg);
            ByteBuf b = ch.readOutbound();
            out.add(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        ch.finishAndReleaseAll();
        return out;
    }

    @Test
    @DisplayName("atoms stay atoms, specials are quoted and escaped")
    void quoting() {
        CommandSegmenter s = new CommandSegmenter(LiteralMode.SYNCHRONIZING, false);
        assertThat(wire(s, "LOGIN", new Arg.Str("alice@example.test"), new Arg.Str("p\"a\\ss word")))
                .containsExactly("a1 LOGIN alice@example.test \"p\\\"a\\\\ss word\"\r\n");
        assertThat(wire(s, "SELECT", new Arg.Str("NIL"))).containsExactly("a1 SELECT \"NIL\"\r\n");
        assertThat(wire(s, "SELECT", new Arg.Str(""))).containsExactly("a1 SELECT \"\"\r\n");
    }

    @Test
    @DisplayName("8-bit text needs a literal: synchronizing splits the command, LITERAL+ does not")
    void literals() {
        CommandSegmenter sync = new CommandSegmenter(LiteralMode.SYNCHRONIZING, false);
        assertThat(wire(sync, "LOGIN", new Arg.Str("alice"), new Arg.Str("pässword")))
                .containsExactly("a1 LOGIN alice {9}\r\n", "pässword\r\n");
        CommandSegmenter plus = new CommandSegmenter(LiteralMode.LITERAL_PLUS, false);
        assertThat(wire(plus, "LOGIN", new Arg.Str("alice"), new Arg.Str("pässword")))
                .containsExactly("a1 LOGIN alice {9+}\r\npässword\r\n");
        CommandSegmenter utf8 = new CommandSegmenter(LiteralMode.SYNCHRONIZING, true);
        assertThat(wire(utf8, "LOGIN", new Arg.Str("alice"), new Arg.Str("pässword")))
                .containsExactly("a1 LOGIN alice \"pässword\"\r\n");
        CommandSegmenter minus = new CommandSegmenter(LiteralMode.LITERAL_MINUS, false);
        assertThat(wire(minus, "APPEND", new Arg.Str("INBOX"), new Arg.Literal(new byte[5000])).get(0))
                .isEqualTo("a1 APPEND INBOX {5000}\r\n");
    }

    @Test
    @DisplayName("CR, LF and NUL in an argument are refused before anything is written")
    void injection() {
        CommandSegmenter s = new CommandSegmenter(LiteralMode.LITERAL_PLUS, true);
        for (String bad : List.of("a\r\nb2 LOGOUT", "x\ny", "nul\0")) {
            assertThatThrownBy(() -> s.segments("a1", "SELECT", List.of(new Arg.Str(bad))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> s.segments("a1", "FETCH", List.of(new Arg.Raw("1 (FLAGS)\r\na2 LOGOUT"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
