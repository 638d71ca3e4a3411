package io.deepmail.core.internal.tls;

import io.deepmail.core.dns.TlsaRecord;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The pure part of DANE (RFC 6698 §2.1, RFC 7671 §4, §9): which TLSA records count, and whether one
 * record matches one certificate. No trust decision is made here; {@link DanePeerVerifier} adds what
 * each certificate usage requires on top of a match.
 */
final class DaneMatcher {

    /** Presentation form shows at most this many hex digits of the association data. */
    private static final int SHOWN_HEX = 32;

    private DaneMatcher() {
    }

    /**
     * The records a client uses. First the unusable ones are dropped: unknown usage, selector or
     * matching type, or data of the wrong length (RFC 7671 §4, DANE-08). Then, for each (usage,
     * selector) pair, only the records of the strongest matching type present are kept, SHA2-512 over
     * SHA2-256 over exact (RFC 7671 §9, DANE-09): a weaker digest next to a stronger one is never
     * consulted, so an attacker who can break the weaker one gains nothing.
     *
     * @param records the records of a DNSSEC-secure TLSA RRset
     * @return the records to match, in their original order; empty when none is usable, which means
     *     "no TLSA" (ordinary PKIX)
     */
    static List<TlsaRecord> effective(List<TlsaRecord> records) {
        int[][] strongest = new int[4][2];
        for (int[] row : strongest) {
            Arrays.fill(row, -1);
        }
        for (TlsaRecord r : records) {
            if (r.usable()) {
                strongest[r.usage()][r.selector()] = Math.max(strongest[r.usage()][r.selector()], r.matchingType());
            }
        }
        List<TlsaRecord> kept = new ArrayList<>();
        for (TlsaRecord r : records) {
            if (r.usable() && r.matchingType() == strongest[r.usage()][r.selector()] && !kept.contains(r)) {
                kept.add(r);
            }
        }
        return List.copyOf(kept);
    }

    /**
     * Whether a usable record matches a certificate: the selected content (selector 0: the whole
     * certificate, DER; selector 1: its SubjectPublicKeyInfo, DER) compared whole (matching type 0)
     * or through SHA2-256 (1) or SHA2-512 (2). The comparison takes the same time wherever the data
     * differ.
     *
     * @param record a record for which {@link TlsaRecord#usable()} holds
     * @param certificate the certificate
     * @return {@code true} when the association data equal the selected content or its digest
     * @throws IllegalArgumentException when the record is not usable
     * @throws IllegalStateException when the certificate cannot be encoded
     */
    static boolean matches(TlsaRecord record, X509Certificate certificate) {
        if (!record.usable()) {
            throw new IllegalArgumentException("TLSA record " + describe(record) + " is not usable");
        }
        return MessageDigest.isEqual(associationData(certificate, record.selector(), record.matchingType()),
                record.data());
    }

    /**
     * The association data a record of this selector and matching type would need to match a
     * certificate.
     *
     * @param certificate the certificate
     * @param selector 0 or 1
     * @param matchingType 0, 1 or 2
     * @return the selected content, or its SHA2-256 or SHA2-512 digest
     */
    static byte[] associationData(X509Certificate certificate, int selector, int matchingType) {
        byte[] content = selected(certificate, selector);
        return switch (matchingType) {
            case 1 -> digest("SHA-256", content);
            case 2 -> digest("SHA-512", content);
            default -> content;
        };
    }

    /**
     * The content a selector picks from a certificate, exactly as DER-encoded in it.
     *
     * @param certificate the certificate
     * @param selector 0 for the full certificate, 1 for the SubjectPublicKeyInfo
     * @return the DER bytes
     */
    private static byte[] selected(X509Certificate certificate, int selector) {
        try {
            byte[] der = certificate.getEncoded();
            if (selector == 0) {
                return der;
            }
            return BcCertificatePatterns.subjectPublicKeyInfo(der);
        } catch (CertificateEncodingException | IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot encode the certificate '" + certificate.getSubjectX500Principal()
                    + "' for TLSA matching: " + e.getMessage(), e);
        }
    }

    /**
     * A record in presentation form ({@code usage selector type hex}), the data shortened to its
     * first {@value #SHOWN_HEX} hex digits, for messages.
     *
     * @param record the record
     * @return for example {@code 3 1 1 8f2c0d...}
     */
    static String describe(TlsaRecord record) {
        String hex = HexFormat.of().formatHex(record.data());
        String shown = hex.length() > SHOWN_HEX ? hex.substring(0, SHOWN_HEX) + "..." : hex;
        return record.usage() + " " + record.selector() + " " + record.matchingType() + " " + shown;
    }

    /**
     * The RFC 7218 acronym of a usage, for messages.
     *
     * @param usage 0 to 3
     * @return for example {@code DANE-EE}
     */
    static String usageName(int usage) {
        return switch (usage) {
            case 0 -> "PKIX-TA";
            case 1 -> "PKIX-EE";
            case 2 -> "DANE-TA";
            case 3 -> "DANE-EE";
            default -> "usage " + usage;
        };
    }

    private static byte[] digest(String algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
