package io.deepmail.imap.internal.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a command out on the wire: tag, verb and arguments, choosing for each string an atom, a
 * quoted string or a literal, and cutting the command after every synchronizing literal
 * announcement. A {@link Arg.Streamed} literal stays a piece of its segment, for the session to
 * stream. CR, LF and NUL in an argument are refused before anything is written.
 */
public final class CommandSegmenter {

    private static final int MAX_QUOTED = 1024;
    private static final int LITERAL_MINUS_MAX = 4096;

    private final LiteralMode mode;
    private final boolean utf8;

    /**
     * A segmenter.
     *
     * @param mode the literal forms the server accepts
     * @param utf8 whether UTF-8 may appear in quoted strings (IMAP4rev2, or UTF8=ACCEPT enabled)
     */
    public CommandSegmenter(LiteralMode mode, boolean utf8) {
        this.mode = mode;
        this.utf8 = utf8;
    }

    /**
     * The segments of {@code tag verb args...}.
     *
     * @param tag the tag
     * @param verb the verb, possibly with a prefix such as {@code UID FETCH}
     * @param args the arguments
     * @return one or more segments; every segment but the last awaits a continuation
     * @throws IllegalArgumentException if an argument holds CR, LF or NUL
     */
    public List<CommandSegment> segments(String tag, String verb, List<Arg> args) {
        List<CommandSegment> out = new ArrayList<>(1);
        List<Object> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder(64).append(tag).append(' ').append(verb);
        for (Arg arg : args) {
            text.append(' ');
            write(arg, text, pieces, out);
        }
        text.append("\r\n");
        pieces.add(text.toString());
        out.add(new CommandSegment(pieces, false));
        return out;
    }

    private void write(Arg arg, StringBuilder text, List<Object> pieces, List<CommandSegment> out) {
        if (arg instanceof Arg.Raw r) {
            check(r.text());
            text.append(r.text());
        } else if (arg instanceof Arg.Str s) {
            check(s.value());
            if (isAtom(s.value())) {
                text.append(s.value());
            } else if (quotable(s.value())) {
                quote(s.value(), text);
            } else {
                literal(s.value().getBytes(StandardCharsets.UTF_8), text, pieces, out);
            }
        } else if (arg instanceof Arg.Quoted q) {
            check(q.value());
            if (quotable(q.value())) {
                quote(q.value(), text);
            } else {
                literal(q.value().getBytes(StandardCharsets.UTF_8), text, pieces, out);
            }
        } else if (arg instanceof Arg.Literal l) {
            literal(l.bytes(), text, pieces, out);
        } else if (arg instanceof Arg.Streamed l) {
            announce(l.size(), l.binary(), text, pieces, out);
            pieces.add(l);
        } else if (arg instanceof Arg.Parens p) {
            text.append('(');
            for (int i = 0; i < p.items().size(); i++) {
                if (i > 0) {
                    text.append(' ');
                }
                write(p.items().get(i), text, pieces, out);
            }
            text.append(')');
        }
    }

    private void literal(byte[] bytes, StringBuilder text, List<Object> pieces, List<CommandSegment> out) {
        announce(bytes.length, false, text, pieces, out);
        pieces.add(bytes);
    }

    /** Writes {@code {n}}, {@code {n+}} or the {@code ~} forms, and cuts the command after a synchronizing one. */
    private void announce(long size, boolean binary, StringBuilder text, List<Object> pieces,
            List<CommandSegment> out) {
        boolean nonSync = mode == LiteralMode.LITERAL_PLUS
                || mode == LiteralMode.LITERAL_MINUS && size <= LITERAL_MINUS_MAX;
        text.append(binary ? "~{" : "{").append(size).append(nonSync ? "+}" : "}").append("\r\n");
        pieces.add(text.toString());
        text.setLength(0);
        if (!nonSync) {
            out.add(new CommandSegment(List.copyOf(pieces), true));
            pieces.clear();
        }
    }

    private static boolean isAtom(String s) {
        if (s.isEmpty() || s.equalsIgnoreCase("NIL")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "(){%*\"\\".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private boolean quotable(String s) {
        if (s.length() > MAX_QUOTED) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c > 0x7f && !utf8) {
                return false;
            }
        }
        return true;
    }

    private static void quote(String s, StringBuilder text) {
        text.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\');
            }
            text.append(c);
        }
        text.append('"');
    }

    /**
     * Refuses CR, LF and NUL, which no IMAP argument outside a literal may hold, and which would
     * let a string end the command early.
     *
     * @param s the argument
     * @throws IllegalArgumentException if one is present
     */
    static void check(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("IMAP arguments may not contain CR, LF or NUL");
            }
        }
    }
}
