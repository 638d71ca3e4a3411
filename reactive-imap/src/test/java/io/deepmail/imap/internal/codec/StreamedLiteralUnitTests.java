package io.deepmail.imap.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** How streamed literals ({@code APPEND}) are laid out and encoded. */
class StreamedLiteralUnitTests {

    private static final Arg.Streamed TEXT = new Arg.Streamed(3000, Flux.empty(), false);
    private static final Arg.Streamed BINARY = new Arg.Streamed(5000, Flux.empty(), true);

    @Test
    @DisplayName("a synchronizing streamed literal ends the first segment; the literal and the CRLF make the second")
    void synchronizing() {
        List<CommandSegment> segments = new CommandSegmenter(LiteralMode.SYNCHRONIZING, false)
                .segments("a1", "APPEND", List.of(new Arg.Str("INBOX"), TEXT));
        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).awaitsContinuation()).isTrue();
        assertThat(segments.get(0).pieces()).containsExactly("a1 APPEND INBOX {3000}\r\n");
        assertThat(segments.get(1).pieces()).containsExactly(TEXT, "\r\n");
    }

    @Test
    @DisplayName("RFC 3516 / RFC 7888: literal8 is announced ~{n+} under LITERAL+, ~{n} when LITERAL- does not cover its size")
    void literal8() {
        List<CommandSegment> plus = new CommandSegmenter(LiteralMode.LITERAL_PLUS, false)
                .segments("a1", "APPEND", List.of(new Arg.Str("INBOX"), BINARY));
        assertThat(plus).hasSize(1);
        assertThat(plus.get(0).pieces()).containsExactly("a1 APPEND INBOX ~{5000+}\r\n", BINARY, "\r\n");
        List<CommandSegment> minus = new CommandSegmenter(LiteralMode.LITERAL_MINUS, false)
                .segments("a1", "APPEND", List.of(new Arg.Str("INBOX"), BINARY));
        assertThat(minus.get(0).pieces()).containsExactly("a1 APPEND INBOX ~{5000}\r\n");
    }

    @Test
    @DisplayName("the encoder passes a literal chunk's buffer on without copying, and refuses an unexpanded streamed literal")
    void encoder() {
        EmbeddedChannel ch = new EmbeddedChannel(new ImapCommandEncoder());
        ByteBuf content = Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII);
        ch.writeOutbound(new LiteralChunk(content));
        ByteBuf written = ch.readOutbound();
        assertThat(written).isSameAs(content);
        assertThat(written.refCnt()).isEqualTo(1);
        written.release();
        assertThatThrownBy(() -> ch.writeOutbound(new CommandSegment(List.of("a1 APPEND INBOX {3000+}\r\n", TEXT),
                false))).isInstanceOf(EncoderException.class);
        ch.finishAndReleaseAll();
    }
}
