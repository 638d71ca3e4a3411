package io.deepmail.submission.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.submission.internal.codec.ContentChunk.Framing;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContentEncoderUnitTests {

    private final EmbeddedChannel channel = new EmbeddedChannel(new ContentEncoder());

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    /** Sends the chunks then the end, returns the wire bytes as ISO-8859-1 text. */
    private String send(Framing framing, String... chunks) {
        List<ByteBuf> inputs = new ArrayList<>();
        for (String c : chunks) {
            ByteBuf in = Unpooled.copiedBuffer(c, StandardCharsets.ISO_8859_1);
            inputs.add(in);
            channel.writeOutbound(ContentChunk.of(in, framing));
        }
        channel.writeOutbound(ContentChunk.end(framing));
        assertThat(inputs).as("every input buffer was released").allSatisfy(b -> assertThat(b.refCnt()).isZero());
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            out.release();
            wire.writeBytes(bytes);
        }
        return wire.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    @DisplayName("DATA: a leading dot is doubled and the content ends with CRLF.CRLF")
    void dotStuffing() {
        assertThat(send(Framing.DATA, "Subject: x\r\n\r\n.hidden\r\n..two\r\nmid.dot\r\n"))
                .isEqualTo("Subject: x\r\n\r\n..hidden\r\n...two\r\nmid.dot\r\n.\r\n");
    }

    @Test
    @DisplayName("DATA: a line holding only '.' never ends the message early")
    void loneDot() {
        assertThat(send(Framing.DATA, "a\r\n.\r\nb\r\n")).isEqualTo("a\r\n..\r\nb\r\n.\r\n");
        assertThat(send(Framing.DATA, ".\r\n")).isEqualTo("..\r\n.\r\n");
    }

    @Test
    @DisplayName("DATA: dot-stuffing holds across chunk boundaries, wherever the chunks split")
    void chunkBoundaries() {
        String message = "a\r\n.b\r\n.\r\nc\r.d\n.e";
        String expected = "a\r\n..b\r\n..\r\nc\r\n..d\r\n..e\r\n.\r\n";
        for (int i = 0; i <= message.length(); i++) {
            for (int j = i; j <= message.length(); j++) {
                assertThat(send(Framing.DATA, message.substring(0, i), message.substring(i, j), message.substring(j)))
                        .as("split at %d and %d", i, j).isEqualTo(expected);
            }
        }
    }

    @Test
    @DisplayName("lone CR and lone LF become CRLF; CRLF split between chunks stays one line break")
    void normalisation() {
        assertThat(send(Framing.DATA, "a\rb\nc\r\nd")).isEqualTo("a\r\nb\r\nc\r\nd\r\n.\r\n");
        assertThat(send(Framing.DATA, "a\r", "\nb\r", "\r", "\n")).isEqualTo("a\r\nb\r\n\r\n.\r\n");
        assertThat(send(Framing.DATA, "end\r")).isEqualTo("end\r\n.\r\n");
    }

    @Test
    @DisplayName("empty content is just the terminator; 8-bit bytes pass untouched")
    void emptyAndEightBit() {
        assertThat(send(Framing.DATA)).isEqualTo(".\r\n");
        assertThat(send(Framing.DATA, "gr\u00fc\u00dfe \u00ff\u0080\r\n")).isEqualTo("gr\u00fc\u00dfe \u00ff\u0080\r\n.\r\n");
    }

    @Test
    @DisplayName("BDAT: each chunk is normalised, not stuffed, and preceded by its exact size; the end is LAST")
    void bdat() {
        assertThat(send(Framing.BDAT, "a\n.b\r", "\nc")).isEqualTo("BDAT 5\r\na\r\n.bBDAT 3\r\n\r\ncBDAT 2 LAST\r\n\r\n");
        assertThat(send(Framing.BDAT)).isEqualTo("BDAT 0 LAST\r\n");
    }

    @Test
    @DisplayName("a large body streams chunk by chunk")
    void large() {
        byte[] line = "0123456789012345678901234567890123456789012345678901234567890123456789012345678\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        long total = 0;
        for (int i = 0; i < 64; i++) {
            ByteBuf chunk = Unpooled.buffer(line.length * 1000);
            for (int j = 0; j < 1000; j++) {
                chunk.writeBytes(line);
            }
            channel.writeOutbound(ContentChunk.of(chunk, Framing.DATA));
            ByteBuf out = channel.readOutbound();
            total += out.readableBytes();
            out.release();
        }
        assertThat(total).isEqualTo(64L * 1000 * line.length);
    }
}
