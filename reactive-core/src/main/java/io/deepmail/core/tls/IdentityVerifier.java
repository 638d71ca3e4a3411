package io.deepmail.core.tls;

import io.deepmail.core.CertificateIdentityException;
import io.deepmail.core.internal.tls.BcCertificatePatterns;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The server identity check of RFC 7817 §3 and RFC 9525 §6 (REQUIREMENTS §6.3): does the
 * certificate present one of the reference identifiers expected for this connection?
 *
 * <p>It runs only after PKIX path validation has passed (ID-01): it judges names, not trust. The
 * rules: DNS-IDs and SRV-IDs are matched (ID-03, ID-04); URI-IDs never are (ID-05); the subject
 * common name is considered only with the CN-ID compatibility flag and only when the certificate
 * presents no DNS-ID, SRV-ID or URI-ID (ID-06); a wildcard is the whole left-most label and covers
 * exactly one label (ID-07); matching is case-insensitive and one match is enough. The JDK's
 * HTTPS endpoint identification is not involved.
 *
 * @since 0.1
 */
public final class IdentityVerifier {

    private IdentityVerifier() {
    }

    /**
     * Checks a validated leaf certificate.
     *
     * @param leaf the server's end-entity certificate, after path validation
     * @param references the identifiers acceptable for this connection
     * @param cnIdCompatibility whether the common name may stand in for a DNS-ID
     * @return the first match, in the order of {@code references}
     * @throws CertificateIdentityException when nothing matches; it lists every reference
     *     identifier tried and every identifier the certificate presented
     */
    public static IdentityMatch verify(X509Certificate leaf, ReferenceIdentifiers references,
            boolean cnIdCompatibility) {
        return verify(BcCertificatePatterns.extract(leaf), references, cnIdCompatibility);
    }

    /**
     * Checks identifiers already extracted from a certificate.
     *
     * @param presented the certificate's identifiers: subject alternative names, then common names
     * @param references the identifiers acceptable for this connection
     * @param cnIdCompatibility whether the common name may stand in for a DNS-ID
     * @return the first match, in the order of {@code references}
     * @throws CertificateIdentityException when nothing matches; it lists every reference
     *     identifier tried and every identifier the certificate presented
     */
    public static IdentityMatch verify(List<CertificatePattern> presented, ReferenceIdentifiers references,
            boolean cnIdCompatibility) {
        boolean cnUsable = cnIdCompatibility && !hasNameSans(presented);
        for (ServiceId reference : references.ids()) {
            for (CertificatePattern p : presented) {
                boolean usable = !(p instanceof CertificatePattern.Uri)
                        && (cnUsable || !(p instanceof CertificatePattern.CommonName));
                if (usable && reference.matches(p)) {
                    return new IdentityMatch(reference, p);
                }
            }
        }
        throw mismatch(presented, references, cnIdCompatibility);
    }

    /** RFC 9525 §6.2.1 / RFC 6125 §6.4.4: a CN-ID is never sought when any of these are present. */
    private static boolean hasNameSans(List<CertificatePattern> presented) {
        return presented.stream().anyMatch(p -> p instanceof CertificatePattern.Dns
                || p instanceof CertificatePattern.Srv || p instanceof CertificatePattern.Uri);
    }

    private static CertificateIdentityException mismatch(List<CertificatePattern> presented,
            ReferenceIdentifiers references, boolean cnIdCompatibility) {
        List<String> tried = new ArrayList<>();
        for (ServiceId id : references.ids()) {
            tried.add(id.type() + " " + id);
        }
        boolean namesInSan = hasNameSans(presented);
        List<String> seen = new ArrayList<>();
        for (CertificatePattern p : presented) {
            String note = "";
            if (p instanceof CertificatePattern.Uri) {
                note = " (URI-IDs are never used)";
            } else if (p instanceof CertificatePattern.CommonName) {
                note = !cnIdCompatibility ? " (not used: CN-ID compatibility is off)"
                        : namesInSan ? " (not used: the certificate has subjectAltName identifiers)" : "";
            }
            seen.add(p.type() + " " + p + note);
        }
        String message = "the server certificate does not name this server: expected one of "
                + String.join(", ", tried) + "; the certificate presents "
                + (seen.isEmpty() ? "no identifier" : String.join(", ", seen))
                + ". Check the configured host name, or ask the provider for a certificate with a matching name";
        return new CertificateIdentityException(message, tried, seen);
    }
}
