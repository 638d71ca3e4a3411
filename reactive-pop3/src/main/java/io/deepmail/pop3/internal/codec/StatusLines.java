package io.deepmail.pop3.internal.codec;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.pop3.response.Err;
import io.deepmail.pop3.response.Ok;
import io.deepmail.pop3.response.ResponseCode;
import org.jspecify.annotations.Nullable;

/** Parses one status line, CRLF removed: {@code +OK}, {@code -ERR [CODE]} and SASL {@code +}. */
final class StatusLines {

    private static final int EXCERPT = 40;

    private StatusLines() {
    }

    static @Nullable Ok ok(String line) {
        return keyword(line, "+OK") ? new Ok(rest(line, 3)) : null;
    }

    static @Nullable Err err(String line) {
        if (!keyword(line, "-ERR")) {
            return null;
        }
        String text = rest(line, 4);
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close > 1) {
                try {
                    ResponseCode code = ResponseCode.of(text.substring(1, close));
                    return new Err(code, text.substring(close + 1).strip());
                } catch (IllegalArgumentException e) {
                    // not a well-formed code: keep the whole text
                }
            }
        }
        return new Err(null, text);
    }

    /** The challenge of a SASL continuation ({@code "+"} or {@code "+ base64"}), or {@code null}. */
    static @Nullable String challenge(String line) {
        if (line.equals("+")) {
            return "";
        }
        return line.startsWith("+ ") ? line.substring(2).strip() : null;
    }

    static ProtocolViolationException unexpected(String what, String line) {
        String excerpt = line.length() > EXCERPT ? line.substring(0, EXCERPT) + "..." : line;
        StringBuilder safe = new StringBuilder();
        excerpt.codePoints().forEach(c -> safe.append(c < 0x20 || c == 0x7f ? '?' : Character.toString(c)));
        return new ProtocolViolationException("the server sent " + what + ": \"" + safe + "\"");
    }

    private static boolean keyword(String line, String keyword) {
        return line.startsWith(keyword) && (line.length() == keyword.length() || line.charAt(keyword.length()) == ' ');
    }

    private static String rest(String line, int keywordLength) {
        return line.length() <= keywordLength + 1 ? "" : line.substring(keywordLength + 1);
    }
}
