package io.deepmail.pop3.internal.codec;

/**
 * Bounds of one connection's {@link Pop3ResponseDecoder}. A status line is buffered until its CRLF,
 * so its bound caps memory; data lines are streamed, so theirs only catches a server that never
 * ends a line. Every bound exceeded is a {@link io.deepmail.core.ProtocolViolationException}.
 *
 * @param maxStatusLineLength longest status line, CRLF excluded (RFC 2449 §4 allows 512 octets)
 * @param maxDataLineLength longest line inside a multi-line response, CRLF excluded
 * @param maxResponseSize most data octets of one multi-line response, after dot-unstuffing
 * @param chunkSize most data octets per decoded chunk
 */
public record DecoderLimits(int maxStatusLineLength, int maxDataLineLength, long maxResponseSize, int chunkSize) {

    /**
     * Validates that every bound is positive.
     *
     * @param maxStatusLineLength longest status line
     * @param maxDataLineLength longest data line
     * @param maxResponseSize most data octets of one response
     * @param chunkSize most octets per chunk
     */
    public DecoderLimits {
        if (maxStatusLineLength < 16 || maxDataLineLength < 1 || maxResponseSize < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("decoder limits must be positive (status lines at least 16)");
        }
    }
}
