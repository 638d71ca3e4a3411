package io.deepmail.cli;

/**
 * The exit codes of every {@code deepmail} command. {@link Failures#classify} is the one place that
 * maps a failure to one of them.
 */
public enum ExitCode {

    /** Everything behaved as specified; for {@code probe}, every endpoint is secure. */
    OK(0, "ok"),
    /** An error the other codes do not name, or a sandbox expectation that did not hold. */
    FAILURE(1, "error"),
    /** A bad argument or option. */
    USAGE(2, "usage"),
    /** The TLS policy refused the session: TLS unavailable or stripped, injection, weak version or suite. */
    TLS_POLICY(3, "tls-policy"),
    /** The server's certificate did not validate (path) or did not name the server (RFC 7817). */
    IDENTITY(4, "identity"),
    /** DANE failed: TLSA records not matched, or DNSSEC bogus. */
    DANE(5, "dane"),
    /** A latch or the account's minimum level refused the session before any credential was sent. */
    LATCH_VIOLATION(6, "latch-violation"),
    /** The server refused the credentials, or no mechanism fitted them. */
    AUTHENTICATION(7, "authentication"),
    /** The server broke the protocol or refused a command. */
    PROTOCOL(8, "protocol"),
    /** The server could not be reached, or did not answer in time. */
    NETWORK(9, "network"),
    /** {@code probe}/{@code audit}: reachable, but not every endpoint is at level 1, or it needs confirmation. */
    INSECURE(10, "insecure-or-needs-confirmation");

    private final int code;
    private final String label;

    ExitCode(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * The process exit status.
     *
     * @return the status
     */
    public int code() {
        return code;
    }

    /**
     * A short, stable name for JSON output and messages.
     *
     * @return the label
     */
    public String label() {
        return label;
    }
}
