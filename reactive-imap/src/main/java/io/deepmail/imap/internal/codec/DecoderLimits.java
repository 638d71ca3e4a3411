package io.deepmail.imap.internal.codec;

/**
 * Bounds of {@link ImapResponseDecoder}. Anything beyond them is a
 * {@link io.deepmail.core.ProtocolViolationException}: memory stays bounded whatever the server sends.
 *
 * @param maxLineLength longest line, without literals
 * @param maxLiteralSize largest literal the decoder buffers; body-section literals are streamed and
 *     bounded only by {@code maxStreamedLiteralSize}
 * @param maxStreamedLiteralSize largest body-section literal
 * @param maxResponseSize largest response held at once: lines plus buffered literals
 * @param maxNesting deepest parenthesised nesting
 */
public record DecoderLimits(int maxLineLength, int maxLiteralSize, long maxStreamedLiteralSize, int maxResponseSize,
        int maxNesting) {

    /**
     * Validates the bounds.
     *
     * @param maxLineLength line bound
     * @param maxLiteralSize buffered literal bound
     * @param maxStreamedLiteralSize streamed literal bound
     * @param maxResponseSize response bound
     * @param maxNesting nesting bound
     */
    public DecoderLimits {
        if (maxLineLength < 64 || maxLiteralSize < 0 || maxStreamedLiteralSize < 0 || maxResponseSize < maxLineLength
                || maxNesting < 1) {
            throw new IllegalArgumentException("invalid decoder limits");
        }
    }
}
