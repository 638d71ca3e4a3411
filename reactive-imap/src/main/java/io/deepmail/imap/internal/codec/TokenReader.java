package io.deepmail.imap.internal.codec;

import io.deepmail.core.ProtocolViolationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads {@link Token}s across the fragments of one response, following literal announcements. */
final class TokenReader {

    private final List<Fragment> fragments;
    private final int maxNesting;
    private int fragment;
    private byte[] line;
    private int pos;

    TokenReader(List<Fragment> fragments, int start, int maxNesting) {
        this.fragments = fragments;
        this.maxNesting = maxNesting;
        this.line = ((Fragment.Line) fragments.get(0)).bytes();
        this.pos = start;
    }

    /** Whether every byte of every fragment has been read, apart from trailing spaces. */
    boolean atEnd() {
        skipSpaces();
        return pos >= line.length && fragment == fragments.size() - 1;
    }

    Token next() {
        return value(0);
    }

    private void skipSpaces() {
        while (pos < line.length && line[pos] == ' ') {
            pos++;
        }
    }

    private Token value(int depth) {
        skipSpaces();
        if (pos >= line.length) {
            throw violation("unexpected end of response");
        }
        byte c = line[pos];
        switch (c) {
            case '(':
                return list(depth + 1);
            case ')':
                throw violation("unexpected ')'");
            case '"':
                return quoted();
            case '{':
                return literal();
            case '~':
                if (pos + 1 < line.length && line[pos + 1] == '{') {
                    pos++;
                    return literal(); // literal8 (RFC 3516); the decoder admitted it only for BINARY[...]
                }
                return atom();
            default:
                return atom();
        }
    }

    private Token list(int depth) {
        if (depth > maxNesting) {
            throw violation("parentheses nested deeper than " + maxNesting);
        }
        pos++;
        List<Token> items = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (pos >= line.length) {
                throw violation("unterminated list");
            }
            if (line[pos] == ')') {
                pos++;
                return new Token.ListTok(items);
            }
            items.add(value(depth));
        }
    }

    private Token quoted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pos++;
        while (pos < line.length) {
            byte b = line[pos++];
            if (b == '"') {
                return new Token.Str(out.toByteArray());
            }
            if (b == '\\') {
                if (pos >= line.length || line[pos] != '"' && line[pos] != '\\') {
                    throw violation("bad escape in quoted string");
                }
                b = line[pos++];
            }
            out.write(b);
        }
        throw violation("unterminated quoted string");
    }

    private Token literal() {
        int close = pos + 1;
        while (close < line.length && line[close] >= '0' && line[close] <= '9') {
            close++;
        }
        if (close == pos + 1 || close != line.length - 1 || line[close] != '}') {
            throw violation("malformed literal announcement");
        }
        if (fragment + 2 >= fragments.size()) {
            throw violation("literal without continuation");
        }
        Fragment data = fragments.get(++fragment);
        Fragment next = fragments.get(++fragment);
        if (!(next instanceof Fragment.Line l)) {
            throw violation("literal not followed by line text");
        }
        line = l.bytes();
        pos = 0;
        if (data instanceof Fragment.Literal lit) {
            return new Token.Str(lit.bytes());
        }
        if (data instanceof Fragment.Streamed s) {
            return new Token.Streamed(s.size());
        }
        throw violation("literal announcement without literal");
    }

    private Token atom() {
        int start = pos;
        int brackets = 0;
        while (pos < line.length) {
            byte b = line[pos];
            if (b == '[') {
                brackets++;
            } else if (b == ']') {
                brackets--;
            } else if (brackets == 0 && (b == ' ' || b == '(' || b == ')' || b == '"' || b == '{')) {
                break;
            } else if (b < 0x20 || b == 0x7f) {
                throw violation("control character in atom");
            }
            pos++;
        }
        if (brackets != 0) {
            throw violation("unbalanced brackets");
        }
        if (pos == start) {
            throw violation("empty atom");
        }
        String text = new String(line, start, pos - start, StandardCharsets.UTF_8);
        return text.equalsIgnoreCase("NIL") ? new Token.Nil() : new Token.Atom(text);
    }

    static ProtocolViolationException violation(String what) {
        return new ProtocolViolationException("malformed IMAP response: " + what);
    }
}
