package io.deepmail.submission.internal.codec;

import io.netty.buffer.ByteBuf;

/**
 * Rewrites message content into canonical SMTP lines across chunk boundaries: a lone CR and a lone
 * LF each become CRLF, and (for DATA) a '.' at the start of a line is doubled (RFC 5321 §4.5.2).
 * A CR at the end of a chunk is held back until the next byte says whether it began a CRLF. Holds
 * two bits of state, never the content.
 */
final class LineNormalizer {

    private boolean lineStart = true;
    private boolean pendingCr;

    /**
     * Appends the normalised form of {@code in}'s readable bytes to {@code out}; {@code in} is read fully.
     *
     * @param in the content chunk
     * @param out where to write
     * @param dotStuff whether to double a leading '.'
     */
    void normalize(ByteBuf in, ByteBuf out, boolean dotStuff) {
        int i = in.readerIndex();
        int end = in.writerIndex();
        int runStart = i;
        while (i < end) {
            byte b = in.getByte(i);
            if (!pendingCr && b == '\r' && i + 1 < end && in.getByte(i + 1) == '\n') {
                // A canonical CRLF stays in the run, so content that is already CRLF is copied in bulk:
                // one copy per run instead of one per line (a profile of a 5 MB submission showed the
                // per-line copies allocating more than the message itself).
                lineStart = true;
                i += 2;
                continue;
            }
            boolean special = pendingCr || b == '\r' || b == '\n' || dotStuff && lineStart && b == '.';
            if (!special) {
                lineStart = false;
                i++;
                continue;
            }
            out.writeBytes(in, runStart, i - runStart);
            if (pendingCr) {
                pendingCr = false;
                out.writeByte('\r').writeByte('\n');
                lineStart = true;
                if (b == '\n') {
                    runStart = ++i;
                    continue;
                }
                runStart = i;
                continue;
            }
            if (b == '\r') {
                pendingCr = true;
            } else if (b == '\n') {
                out.writeByte('\r').writeByte('\n');
                lineStart = true;
            } else {
                out.writeByte('.').writeByte('.');
                lineStart = false;
            }
            runStart = ++i;
        }
        out.writeBytes(in, runStart, end - runStart);
        in.readerIndex(end);
    }

    /**
     * Ends the content: flushes a held CR as CRLF and completes a last line without one, so the
     * content ends with CRLF. Resets the state for the next message.
     *
     * @param out where to write
     */
    void finish(ByteBuf out) {
        if (pendingCr || !lineStart) {
            out.writeByte('\r').writeByte('\n');
        }
        pendingCr = false;
        lineStart = true;
    }
}
