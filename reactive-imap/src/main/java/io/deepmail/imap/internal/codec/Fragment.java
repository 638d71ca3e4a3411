package io.deepmail.imap.internal.codec;

/** A piece of one response as the decoder collected it: line text, a buffered literal, or a streamed one. */
sealed interface Fragment {

    /** Line text without its CRLF; ends with a literal announcement unless it is the last line. */
    record Line(byte[] bytes) implements Fragment {
    }

    /** A literal small enough to buffer. */
    record Literal(byte[] bytes) implements Fragment {
    }

    /** A literal that was streamed as chunks: only its size remains. */
    record Streamed(long size) implements Fragment {
    }
}
