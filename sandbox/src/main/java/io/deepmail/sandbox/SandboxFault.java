package io.deepmail.sandbox;

/**
 * A deliberate fault the sandbox can be started with, so that a caller can check that the client
 * refuses what it must refuse. {@link #NONE} is the healthy sandbox.
 *
 * @since 0.1
 */
public enum SandboxFault {

    /** Everything as specified: the client must succeed everywhere except on the stripping server. */
    NONE,

    /**
     * The TLSA records published for the Implicit TLS endpoints name a key the servers do not hold:
     * DANE must fail on them, with no fallback to PKIX (DANE-05).
     */
    DANE_MISMATCH,

    /**
     * The SRV records point at a host name the certificate does not carry and no TLSA records are
     * published, so PKIX applies and the RFC 7817 identity check must fail (ID-01).
     */
    IDENTITY_MISMATCH
}
