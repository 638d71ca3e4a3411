package io.deepmail.core.latch;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A certificate the user accepted for one account at account setup although it does not validate
 * (RFC 8314 §5.4, REQUIREMENTS L11/L12, LAT-12). A pin lives in that account's {@link LatchState},
 * so it never helps another account; it is made only while the account has never recorded a
 * session ({@link LatchService#pinAtSetup}); it can be revoked, and a revoked pin stays revoked.
 * A pinned session is never level 1 and never earns {@code CERT_PKIX} or {@code CERT_DANE}: a
 * pin only lets a level-0 account talk to that one certificate.
 *
 * @param sha256 the SHA-256 fingerprint of the certificate's DER encoding, lower-case hex
 * @param created when the pin was made, whole seconds
 * @param revoked whether the pin was revoked
 * @since 0.1
 */
public record Pin(String sha256, Instant created, boolean revoked) {

    /**
     * Validates the pin.
     *
     * @param sha256 the fingerprint, 64 hex digits
     * @param created the creation time
     * @param revoked the revocation flag
     */
    public Pin {
        sha256 = Objects.requireNonNull(sha256, "sha256").toLowerCase(Locale.ROOT);
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a pin is a SHA-256 fingerprint in hex: " + sha256);
        }
        created = Objects.requireNonNull(created, "created").truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The fingerprint of a certificate, as pins record it.
     *
     * @param certificate the certificate
     * @return the SHA-256 of its DER encoding, lower-case hex
     */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot fingerprint certificate", e);
        }
    }

    /**
     * Whether this pin is active and names {@code certificate}.
     *
     * @param certificate the server's leaf certificate
     * @return {@code true} when the pin is not revoked and the fingerprints are equal
     */
    public boolean matches(X509Certificate certificate) {
        return !revoked && sha256.equals(fingerprint(certificate));
    }

    /**
     * The join of two records of the same pin: revoked if either is, the earlier creation time.
     *
     * @param other the other record of this pin
     * @return the join
     */
    public Pin join(Pin other) {
        if (!sha256.equals(other.sha256)) {
            throw new IllegalArgumentException("different pins");
        }
        return new Pin(sha256, created.isBefore(other.created) ? created : other.created, revoked || other.revoked);
    }
}
