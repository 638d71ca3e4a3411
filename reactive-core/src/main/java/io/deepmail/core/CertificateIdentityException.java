package io.deepmail.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The certificate validated, but names none of the reference identifiers deepmail expected for this server (RFC 7817, RFC 9525; ID-01..08). The message lists every identifier that was tried.
 *
 * @since 0.1
 */
public class CertificateIdentityException extends TlsPolicyException {

    private static final long serialVersionUID = 1L;

    private static final String[] NONE = {};

    /** The reference identifiers tried, as {@code KIND value}. */
    private final String[] referenceIdentifiers;

    /** The identifiers the certificate presented, as {@code KIND value} with notes. */
    private final String[] presentedIdentifiers;

    /**
     * Creates the failure.
     *
     * @param message what failed and what to check
     * @param cause the underlying failure, if any
     */
    public CertificateIdentityException(String message, @Nullable Throwable cause) {
        super(message, cause);
        this.referenceIdentifiers = NONE;
        this.presentedIdentifiers = NONE;
    }

    /**
     * Creates the failure without a cause.
     *
     * @param message what failed and what to check
     */
    public CertificateIdentityException(String message) {
        this(message, null);
    }

    /**
     * Creates the failure of an identity check, with the identifiers on both sides.
     *
     * @param message what failed and what to check
     * @param referenceIdentifiers every identifier that was tried, e.g. {@code DNS-ID mail.example.com}
     * @param presentedIdentifiers every identifier the certificate presented, e.g. {@code DNS-ID *.example.net}
     */
    public CertificateIdentityException(String message, List<String> referenceIdentifiers,
            List<String> presentedIdentifiers) {
        super(message, null);
        this.referenceIdentifiers = referenceIdentifiers.toArray(String[]::new);
        this.presentedIdentifiers = presentedIdentifiers.toArray(String[]::new);
    }

    /**
     * The reference identifiers the certificate was checked against, each as its kind and value
     * ({@code DNS-ID mail.example.com}, {@code SRV-ID _imaps.example.com}, {@code IP-ID 192.0.2.1}).
     *
     * @return the identifiers in the order they were tried; empty when not recorded
     */
    public List<String> referenceIdentifiers() {
        return List.of(referenceIdentifiers);
    }

    /**
     * The identifiers the certificate presented, each as its kind and value, with a note on those
     * that were not used (URI-IDs, and CN-IDs outside compatibility mode).
     *
     * @return the identifiers in certificate order; empty when not recorded or none were presented
     */
    public List<String> presentedIdentifiers() {
        return List.of(presentedIdentifiers);
    }
}
