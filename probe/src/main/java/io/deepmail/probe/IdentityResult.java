package io.deepmail.probe;

/**
 * The outcome of the certificate identity check (RFC 9525 / RFC 7817) for one endpoint.
 *
 * @since 0.1
 */
public enum IdentityResult {

    /** The certificate names one of the reference identifiers. */
    MATCHED,

    /** It matched only through the CN-ID compatibility flag (ID-06). */
    MATCHED_CN_COMPAT,

    /** The certificate does not name the server (a {@link io.deepmail.core.CertificateIdentityException}). */
    MISMATCH,

    /**
     * No name check decided the session: DANE-EE authenticates the key alone, or the connection
     * failed before the check (path, DANE or transport failure).
     */
    NOT_CHECKED
}
