package io.deepmail.pop3.response;

/**
 * One decoded unit of a POP3 server's output (RFC 1939, RFC 2449, RFC 5034): a single status line,
 * a SASL continuation, or a piece of a dot-terminated multi-line response. The family is closed so
 * that a pattern-matching {@code switch} covers every case.
 *
 * <p>A multi-line response arrives as one {@link MultiLine.Start} (the {@code +OK} line), any number
 * of {@link MultiLine.Chunk}s carrying the dot-unstuffed data, and one {@link MultiLine.End}. A
 * refused multi-line command is a single {@link Err}.
 *
 * @since 0.1
 */
public sealed interface Pop3Response permits Ok, Err, Continuation, MultiLine {

    /**
     * Whether this response ends the server's answer to one command: a single-line status or the
     * end of a multi-line response. Starts, chunks and SASL continuations do not.
     *
     * @return {@code true} for the last response of a command
     */
    default boolean isFinal() {
        return this instanceof Ok || this instanceof Err || this instanceof MultiLine.End;
    }
}
