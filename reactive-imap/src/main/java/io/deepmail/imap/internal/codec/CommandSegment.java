package io.deepmail.imap.internal.codec;

import java.util.List;

/**
 * What is written in one go: up to and including a synchronizing literal's announcement, after
 * which the client must wait for the server's continuation request, or to the end of the command.
 *
 * @param pieces text ({@link String}), literal content ({@code byte[]}) and streamed literals
 *     ({@link Arg.Streamed}, which the session expands before writing), in order
 * @param awaitsContinuation whether the segment ends with a synchronizing literal announcement
 */
public record CommandSegment(List<Object> pieces, boolean awaitsContinuation) implements Outbound {

    /**
     * Copies the pieces.
     *
     * @param pieces the pieces
     * @param awaitsContinuation whether a continuation must follow
     */
    public CommandSegment {
        pieces = List.copyOf(pieces);
    }

    /**
     * A segment of text alone, such as {@code DONE} or a SASL response line, CRLF added.
     *
     * @param line the line without CRLF
     * @return the segment
     */
    public static CommandSegment line(String line) {
        CommandSegmenter.check(line);
        return new CommandSegment(List.of(line + "\r\n"), false);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Object p : pieces) {
            out.append(p instanceof String s ? s : p instanceof byte[] b ? "<" + b.length + " bytes>" : "<" + p + ">");
        }
        return out.toString().strip();
    }
}
