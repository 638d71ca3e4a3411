package io.deepmail.core.tls;

/**
 * The outcome of a passed identity check: which reference identifier matched which identifier
 * the certificate presented.
 *
 * @param reference the matching reference identifier
 * @param presented the certificate identifier it matched
 * @since 0.1
 */
public record IdentityMatch(ServiceId reference, CertificatePattern presented) {

    /**
     * Whether the match came only through the subject common name, which happens only with the
     * CN-ID compatibility flag; such a session is recorded as {@code CERT_PKIX(compat)} (ID-06).
     *
     * @return {@code true} when the matched identifier is a CN-ID
     */
    public boolean viaCommonName() {
        return presented instanceof CertificatePattern.CommonName;
    }
}
