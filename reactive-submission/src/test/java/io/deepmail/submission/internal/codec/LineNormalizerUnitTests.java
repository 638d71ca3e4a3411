package io.deepmail.submission.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The streaming normaliser against a whole-message reference, on seeded random content made of the
 * bytes that matter (CR, LF, '.', and ordinary ones) and random chunk boundaries.
 */
class LineNormalizerUnitTests {

    private static final byte[] ALPHABET = {'\r', '\n', '.', 'a', 'b', '\r', '\n', '.'};

    /** Canonical lines of the whole message at once: CRLF, lone CR and lone LF end a line. */
    private static byte[] reference(byte[] in, boolean dotStuff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean lineStart = true;
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '\r' || b == '\n') {
                if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
                out.write('\r');
                out.write('\n');
                lineStart = true;
                continue;
            }
            if (dotStuff && lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = false;
        }
        if (!lineStart) {
            out.write('\r');
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static byte[] streamed(byte[] in, boolean dotStuff, Random random) {
        LineNormalizer normalizer = new LineNormalizer();
        ByteBuf out = Unpooled.buffer();
        try {
            int at = 0;
            while (at < in.length) {
                int n = Math.min(in.length - at, random.nextInt(8));
                ByteBuf chunk = Unpooled.wrappedBuffer(in, at, n);
                normalizer.normalize(chunk, out, dotStuff);
                assertThat(chunk.isReadable()).isFalse();
                chunk.release();
                at += n;
            }
            normalizer.finish(out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    @Test
    @DisplayName("any content, cut anywhere, normalises to the whole-message reference (DATA and BDAT)")
    void matchesReference() {
        Random random = new Random(20261129L);
        for (int round = 0; round < 5_000; round++) {
            byte[] in = new byte[random.nextInt(40)];
            for (int i = 0; i < in.length; i++) {
                in[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            boolean dotStuff = random.nextBoolean();
            assertThat(streamed(in, dotStuff, random)).as("round %d, dot-stuffing %s, input %s", round, dotStuff,
                    ByteBufUtil.hexDump(in)).isEqualTo(reference(in, dotStuff));
        }
    }
}
