package io.deepmail.imap.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.imap.response.FetchChunk;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An {@link ImapResponseDecoder} on an {@link EmbeddedChannel}, fed text and read back as frames. */
final class DecoderHarness {

    static final DecoderLimits LIMITS = new DecoderLimits(64 * 1024, 4096, 1 << 30, 1 << 20, 16);

    final EmbeddedChannel channel = new EmbeddedChannel(new ImapResponseDecoder(LIMITS));

    /** Writes each part as its own read (UTF-8) and returns every frame decoded so far. */
    List<Object> feed(String... parts) {
        for (String p : parts) {
            channel.writeInbound(Unpooled.copiedBuffer(p, StandardCharsets.UTF_8));
        }
        List<Object> out = new ArrayList<>();
        Object o;
        while ((o = channel.readInbound()) != null) {
            out.add(o);
        }
        return out;
    }

    /** Feeding {@code parts} is a typed protocol violation, after which the decoder discards everything. */
    void assertViolation(String... parts) {
        assertThatThrownBy(() -> feed(parts)).hasRootCauseInstanceOf(ProtocolViolationException.class);
        // the decoder now discards everything: no frame, no retained buffer
        assertThat(feed("* OK fine\r\n")).isEmpty();
    }

    /** The chunk's bytes as UTF-8, releasing it. */
    static String text(FetchChunk c) {
        try {
            return c.content().toString(StandardCharsets.UTF_8);
        } finally {
            c.release();
        }
    }

    void close() {
        channel.finishAndReleaseAll();
    }
}
