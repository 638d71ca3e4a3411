package io.deepmail.pop3;

/**
 * How {@link Pop3Session#authenticate(Pop3AuthMethod)} proves the account's identity. Every method
 * runs only after the connector's TLS, identity and latch checks (REQUIREMENTS L6), and one that
 * exposes a password needs TLS, or a level-0 account with cleartext consent.
 *
 * @since 0.1
 */
public enum Pop3AuthMethod {

    /**
     * The best SASL mechanism the server advertises for the account's credentials, in the core's
     * order (SCRAM-SHA-256, PLAIN, LOGIN for passwords; OAUTHBEARER, XOAUTH2 for tokens); with none
     * that fits, {@code USER}/{@code PASS} for a password.
     */
    AUTO,

    /** {@code USER} and {@code PASS} (RFC 1939 §7): the password crosses the connection as is. */
    USER_PASS,

    /** SASL {@code PLAIN} with an initial response (RFC 5034, RFC 4616). */
    SASL_PLAIN,

    /** SASL {@code SCRAM-SHA-256} (RFC 7677): the password never crosses the connection, and the server proves it knows it. */
    SASL_SCRAM_SHA_256,

    /** SASL {@code XOAUTH2} with an OAuth 2.0 access token. */
    SASL_XOAUTH2,

    /** SASL {@code OAUTHBEARER} (RFC 7628) with an OAuth 2.0 access token. */
    SASL_OAUTHBEARER,

    /**
     * {@code APOP} (RFC 1939 §7), an MD5 challenge-response without TLS. Accepted only on a
     * cleartext (level 0) session whose account consented to cleartext, when asked for by name:
     * MD5 is broken, and APOP protects neither the mail nor the user name.
     */
    APOP
}
