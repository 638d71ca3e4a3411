package io.deepmail.core.tls;

/**
 * A reference identifier: a name deepmail expects the server certificate to present (RFC 9525
 * §6, RFC 7817 §3). Each kind validates itself on construction and knows which presented
 * identifiers ({@link CertificatePattern}) it matches. Which identifiers are acceptable for a
 * connection is decided by {@link ReferenceIdentifiers}.
 *
 * @since 0.1
 */
public sealed interface ServiceId permits DnsId, SrvId, IpId {

    /**
     * Whether a presented identifier matches this reference identifier, by the rules of its kind.
     * A URI-ID never matches (ID-05). Whether a {@link CertificatePattern.CommonName} may be
     * considered at all is the caller's decision ({@link IdentityVerifier} does it only with the
     * CN-ID compatibility flag); this method only says whether its value would match.
     *
     * @param presented an identifier from the certificate
     * @return {@code true} on a match
     */
    boolean matches(CertificatePattern presented);

    /**
     * The identifier kind in RFC 9525 terms.
     *
     * @return {@code DNS-ID}, {@code SRV-ID} or {@code IP-ID}
     */
    String type();
}
