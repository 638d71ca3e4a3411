package io.deepmail.core.internal.sasl;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON error a server sends as an XOAUTH2 or OAUTHBEARER challenge (RFC 7628 §3.2.2), for
 * example {@code {"status":"invalid_token","scope":"example_scope"}}. Only top-level string and
 * number members are kept; anything the parser cannot read leaves both fields {@code null},
 * because the exchange fails either way and the refusal still reaches the user.
 *
 * @param status the {@code status} member
 * @param scope the {@code scope} member
 */
record OAuthError(@Nullable String status, @Nullable String scope) {

    /** Longer values are cut: they end up in an exception message. */
    private static final int MAX_VALUE = 200;

    static OAuthError parse(String json) {
        Map<String, String> members;
        try {
            members = new Parser(json).object();
        } catch (IllegalArgumentException e) {
            return new OAuthError(null, null);
        }
        return new OAuthError(cut(members.get("status")), cut(members.get("scope")));
    }

    private static @Nullable String cut(@Nullable String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE) + "...";
    }

    /** A minimal JSON reader: one object, whose top-level scalar members are collected. */
    private static final class Parser {

        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Map<String, String> object() {
            Map<String, String> members = new HashMap<>();
            skipWs();
            expect('{');
            skipWs();
            if (peek() == '}') {
                return members;
            }
            do {
                skipWs();
                String key = string();
                skipWs();
                expect(':');
                skipWs();
                String value = value();
                if (value != null) {
                    members.putIfAbsent(key, value);
                }
                skipWs();
            } while (tryTake(','));
            expect('}');
            return members;
        }

        /** A value; returns its text for strings and numbers, {@code null} for anything else. */
        private @Nullable String value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == '{' || c == '[') {
                skipNested();
                return null;
            }
            int start = i;
            while (i < s.length() && "+-.0123456789eEtrufalsn".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("value");
            }
            String literal = s.substring(start, i);
            return Character.isDigit(literal.charAt(0)) || literal.charAt(0) == '-' ? literal : null;
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = take();
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = take();
                switch (e) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw new IllegalArgumentException("escape");
                        }
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private void skipNested() {
            int depth = 0;
            do {
                char c = peek();
                if (c == '"') {
                    string();
                    continue;
                }
                i++;
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                }
            } while (depth > 0);
        }

        private void skipWs() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("end");
            }
            return s.charAt(i);
        }

        private char take() {
            char c = peek();
            i++;
            return c;
        }

        private boolean tryTake(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (take() != c) {
                throw new IllegalArgumentException("expected " + c);
            }
        }
    }
}
