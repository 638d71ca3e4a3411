package io.deepmail.submission.internal.codec;

import java.util.List;

/**
 * Builds every command the client sends, validating each argument first (RFC 5321 §4.1, RFC 1869
 * parameters). A value that could break the line throws {@link IllegalArgumentException} here, so
 * nothing is written for it.
 */
public final class SmtpCommands {

    private static final SmtpCommand STARTTLS = new SmtpCommand("STARTTLS", "", false, false);
    private static final SmtpCommand DATA = new SmtpCommand("DATA", "", false, false);
    private static final SmtpCommand RSET = new SmtpCommand("RSET", "", false, false);
    private static final SmtpCommand NOOP = new SmtpCommand("NOOP", "", false, false);
    private static final SmtpCommand QUIT = new SmtpCommand("QUIT", "", false, false);
    private static final SmtpCommand AUTH_CANCEL = new SmtpCommand("", "*", false, false);

    private SmtpCommands() {
    }

    /**
     * {@code EHLO domain}.
     *
     * @param domain the client's host name or address literal
     * @return the command
     */
    public static SmtpCommand ehlo(String domain) {
        SmtpSyntax.requireDomain(domain);
        return new SmtpCommand("EHLO", domain, false, false);
    }

    /**
     * {@code HELO domain}, for level-0 sessions with servers that refuse EHLO.
     *
     * @param domain the client's host name or address literal
     * @return the command
     */
    public static SmtpCommand helo(String domain) {
        SmtpSyntax.requireDomain(domain);
        return new SmtpCommand("HELO", domain, false, false);
    }

    /**
     * {@code STARTTLS}.
     *
     * @return the command
     */
    public static SmtpCommand startTls() {
        return STARTTLS;
    }

    /**
     * {@code AUTH mechanism [initial-response]} (RFC 4954).
     *
     * @param mechanism the SASL mechanism name
     * @param initialResponse the base64 initial response, {@code "="} for an empty one, or empty for none
     * @return the command; its argument is hidden from logs
     */
    public static SmtpCommand auth(String mechanism, String initialResponse) {
        requireKeyword("SASL mechanism", mechanism, true);
        requireBase64(initialResponse);
        return new SmtpCommand("AUTH", initialResponse.isEmpty() ? mechanism : mechanism + " " + initialResponse,
                false, true);
    }

    /**
     * A base64 line answering a 334 challenge.
     *
     * @param response the base64 response; empty sends an empty line
     * @return the continuation line; hidden from logs
     */
    public static SmtpCommand authResponse(String response) {
        requireBase64(response);
        return new SmtpCommand("", response, false, true);
    }

    /**
     * The {@code *} line that cancels an AUTH exchange.
     *
     * @return the line
     */
    public static SmtpCommand authCancel() {
        return AUTH_CANCEL;
    }

    /**
     * {@code MAIL FROM:<reverse-path> params}.
     *
     * @param reversePath the sender, or empty for the null reverse-path
     * @param parameters ESMTP parameters, {@code KEYWORD} or {@code KEYWORD=value}
     * @param utf8 whether SMTPUTF8 is in use, allowing UTF-8 in the path
     * @return the command
     */
    public static SmtpCommand mailFrom(String reversePath, List<String> parameters, boolean utf8) {
        if (!reversePath.isEmpty()) {
            SmtpSyntax.requireMailbox("sender", reversePath, utf8);
        }
        return new SmtpCommand("MAIL", "FROM:<" + reversePath + ">" + parameters(parameters), utf8, false);
    }

    /**
     * {@code RCPT TO:<forward-path> params}.
     *
     * @param forwardPath the recipient
     * @param parameters ESMTP parameters
     * @param utf8 whether SMTPUTF8 is in use
     * @return the command
     */
    public static SmtpCommand rcptTo(String forwardPath, List<String> parameters, boolean utf8) {
        SmtpSyntax.requireMailbox("recipient", forwardPath, utf8);
        return new SmtpCommand("RCPT", "TO:<" + forwardPath + ">" + parameters(parameters), utf8, false);
    }

    /**
     * {@code DATA}.
     *
     * @return the command
     */
    public static SmtpCommand data() {
        return DATA;
    }

    /**
     * {@code RSET}.
     *
     * @return the command
     */
    public static SmtpCommand rset() {
        return RSET;
    }

    /**
     * {@code NOOP}.
     *
     * @return the command
     */
    public static SmtpCommand noop() {
        return NOOP;
    }

    /**
     * {@code QUIT}.
     *
     * @return the command
     */
    public static SmtpCommand quit() {
        return QUIT;
    }

    /** Each parameter as {@code " " esmtp-keyword ["=" esmtp-value]} (RFC 5321 §4.1.2). */
    private static String parameters(List<String> parameters) {
        StringBuilder out = new StringBuilder();
        for (String p : parameters) {
            int eq = p.indexOf('=');
            String keyword = eq < 0 ? p : p.substring(0, eq);
            requireKeyword("parameter keyword", keyword, false);
            if (eq >= 0) {
                String value = p.substring(eq + 1);
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("empty value for parameter " + keyword);
                }
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (c < 33 || c > 126 || c == '=') {
                        throw new IllegalArgumentException("parameter " + keyword + " has a value that is not an "
                                + "esmtp-value: " + SmtpSyntax.quote(value));
                    }
                }
            }
            out.append(' ').append(p);
        }
        return out.toString();
    }

    private static void requireKeyword(String what, String keyword, boolean allowUnderscore) {
        boolean ok = !keyword.isEmpty() && keyword.length() <= 64;
        for (int i = 0; ok && i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || i > 0 && c == '-'
                    || allowUnderscore && c == '_';
        }
        if (!ok) {
            throw new IllegalArgumentException("not a valid " + what + ": " + SmtpSyntax.quote(keyword));
        }
    }

    private static void requireBase64(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                    || c == '=';
            if (!ok) {
                throw new IllegalArgumentException("not base64");
            }
        }
    }
}
