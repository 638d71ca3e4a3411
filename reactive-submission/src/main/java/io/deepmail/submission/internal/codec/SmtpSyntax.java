package io.deepmail.submission.internal.codec;

import java.nio.charset.StandardCharsets;

/**
 * The syntax checks every command argument passes before anything is written: the defence against
 * SMTP command injection (CR, LF or NUL smuggled into an address or parameter, the class behind
 * CVE-2025-7962) and against non-ASCII where the server was not told to expect UTF-8.
 */
public final class SmtpSyntax {

    /** Longest path, brackets included (RFC 5321 §4.5.3.1.3). */
    public static final int MAX_PATH = 256;

    private SmtpSyntax() {
    }

    /**
     * Rejects CR, LF, NUL and other control characters, and non-ASCII unless {@code utf8}.
     *
     * @param what names the value in the error
     * @param value the value
     * @param utf8 whether non-ASCII is allowed
     * @throws IllegalArgumentException when the value could break the command line
     */
    public static void requireLineSafe(String what, String value, boolean utf8) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(what + " holds control character 0x"
                        + Integer.toHexString(c) + " at " + i + ": " + quote(value));
            }
            if (c > 0x7e && !utf8) {
                throw new IllegalArgumentException(what + " holds non-ASCII character at " + i
                        + " and SMTPUTF8 is not in use: " + quote(value));
            }
        }
    }

    /**
     * Checks a mailbox for MAIL FROM or RCPT TO: {@code local@domain}, no space, no angle brackets,
     * no control character, non-ASCII only with SMTPUTF8, within the path length limit.
     *
     * @param what names the value in the error
     * @param address the address, without angle brackets
     * @param utf8 whether non-ASCII is allowed
     * @throws IllegalArgumentException when the address is not acceptable
     */
    public static void requireMailbox(String what, String address, boolean utf8) {
        requireLineSafe(what, address, utf8);
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new IllegalArgumentException(what + " is not local@domain: " + quote(address));
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c == ' ' || c == '<' || c == '>' || c == '"' || c == '\\') {
                throw new IllegalArgumentException(what + " holds '" + c + "', which deepmail does not send: "
                        + quote(address));
            }
        }
        if (address.getBytes(StandardCharsets.UTF_8).length + 2 > MAX_PATH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_PATH + " bytes");
        }
    }

    /**
     * Checks an EHLO/HELO domain: a host name of letters, digits, '-' and '.', or an address
     * literal in brackets.
     *
     * @param domain the domain
     * @throws IllegalArgumentException when it is not one
     */
    public static void requireDomain(String domain) {
        requireLineSafe("EHLO domain", domain, false);
        boolean literal = domain.length() > 2 && domain.startsWith("[") && domain.endsWith("]");
        String body = literal ? domain.substring(1, domain.length() - 1) : domain;
        if (body.isEmpty()) {
            throw new IllegalArgumentException("empty EHLO domain");
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || literal && c == ':';
            if (!ok) {
                throw new IllegalArgumentException("not an EHLO domain: " + quote(domain));
            }
        }
    }

    /**
     * Encodes a value as xtext (RFC 3461 §4): every octet outside 33..126, and '+' and '=', as
     * {@code +HH}. The result can never break a command line.
     *
     * @param value the value, encoded as UTF-8 first
     * @return the xtext
     */
    public static String xtext(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 33 || c > 126 || c == '+' || c == '=') {
                out.append('+').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /** A value for error messages, with control characters made visible and the length capped. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < Math.min(value.length(), 80); i++) {
            char c = value.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? "\\x" + Integer.toHexString(c) : String.valueOf(c));
        }
        return out.append(value.length() > 80 ? "...\"" : "\"").toString();
    }
}
