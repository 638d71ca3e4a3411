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
     * The best the server offers for the account's credentials: for a password, SASL {@code PLAIN}
     * when advertised, else {@code USER}/{@code PASS}; for an OAuth 2.0 token, {@code OAUTHBEARER}
     * when advertised, else {@code XOAUTH2}.
     */
    AUTO,

    /** {@code USER} and {@code PASS} (RFC 1939 §7): the password crosses the connection as is. */
    USER_PASS,

    /** SASL {@code PLAIN} with an initial response (RFC 5034, RFC 4616). */
    SASL_PLAIN,

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
