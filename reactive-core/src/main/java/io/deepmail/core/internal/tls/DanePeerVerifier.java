package io.deepmail.core.internal.tls;

import io.deepmail.core.CertificateIdentityException;
import io.deepmail.core.CertificatePathException;
import io.deepmail.core.DaneVerificationException;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.dns.TlsaRecord;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.tls.IdentityMatch;
import io.deepmail.core.tls.IdentityVerifier;
import io.deepmail.core.tls.ReferenceIdentifiers;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;

/**
 * DANE authentication of a server (RFC 6698, RFC 7671, RFC 7673 §4; REQUIREMENTS §7.3) from the
 * usable records of a DNSSEC-secure TLSA RRset. What a match means depends on the record's usage:
 *
 * <ul>
 *   <li><b>DANE-EE (3)</b>: the record matches the leaf. Nothing else is checked: no PKIX path, no
 *       validity dates, no names (RFC 7671 §5.1, DANE-05). Recorded as
 *       {@link AuthenticationMethod#DANE_EE}.</li>
 *   <li><b>DANE-TA (2)</b>: the record matches a CA certificate the server sent. The chain from the
 *       leaf to that anchor must validate (RFC 5280, with that anchor as the only trust anchor, so dates
 *       apply), and the leaf must name one of the reference identifiers (RFC 7671 §5.2, DANE-06).
 *       Recorded as {@link AuthenticationMethod#DANE_TA}.</li>
 *   <li><b>PKIX-EE (1)</b>: the record matches the leaf, and ordinary PKIX against the local trust
 *       store passes, names included (RFC 6698 §2.1.1, RFC 7671 §5.3, DANE-07). Recorded as
 *       {@link AuthenticationMethod#DANE_PKIX_EE}.</li>
 *   <li><b>PKIX-TA (0)</b>: the record matches a CA certificate on the server's path, one it sent or
 *       a local trust anchor that issued one it sent; the chain validates to that certificate, and
 *       ordinary PKIX against the local trust store passes, names included (RFC 6698 §2.1.1,
 *       RFC 7671 §5.4, DANE-07). Recorded as {@link AuthenticationMethod#DANE_PKIX_TA}.</li>
 * </ul>
 *
 * <p>Any one record whose usage's checks pass authenticates the server. Records are tried by usage,
 * DANE-EE, DANE-TA, PKIX-EE then PKIX-TA (the order in which they need fewer checks), and in RRset order
 * within a usage; the first success is what the session records. When usable records exist and none
 * succeeds, authentication fails: there is no fallback to plain PKIX (REQUIREMENTS §7.3). The failure
 * is a {@link DaneVerificationException} when nothing matched, or the {@link CertificatePathException}
 * or {@link CertificateIdentityException} of the first record that matched but whose checks failed.
 */
public final class DanePeerVerifier implements PeerVerifier {

    private static final int[] USAGE_ORDER = {3, 2, 1, 0};

    private final PkixValidator pkix;
    private final List<TlsaRecord> records;
    private final ReferenceIdentifiers identifiers;
    private final boolean cnIdCompatibility;

    /**
     * Creates the verifier of one connection.
     *
     * @param pkix the path validator for the local trust store, used by PKIX-TA and PKIX-EE only
     * @param records the records of a DNSSEC-secure TLSA RRset; unusable records and weaker digests
     *     are dropped here (RFC 7671 §4, §9)
     * @param identifiers the reference identifiers, checked for every usage but DANE-EE
     * @param cnIdCompatibility whether CN-ID is accepted (ID-06)
     * @throws IllegalArgumentException when no record is usable: that is "no TLSA", and PKIX decides
     */
    public DanePeerVerifier(PkixValidator pkix, List<TlsaRecord> records, ReferenceIdentifiers identifiers,
            boolean cnIdCompatibility) {
        this.pkix = pkix;
        this.records = DaneMatcher.effective(records);
        this.identifiers = identifiers;
        this.cnIdCompatibility = cnIdCompatibility;
        if (this.records.isEmpty()) {
            throw new IllegalArgumentException("DANE needs at least one usable TLSA record");
        }
    }

    @Override
    public VerifiedPeer verify(List<X509Certificate> chain, String authType) {
        if (chain.isEmpty()) {
            throw new CertificatePathException("the server sent no certificate");
        }
        Attempt attempt = new Attempt(chain, authType);
        for (int usage : USAGE_ORDER) {
            for (TlsaRecord r : records) {
                if (r.usage() == usage) {
                    VerifiedPeer peer = attempt.tryRecord(r);
                    if (peer != null) {
                        return peer;
                    }
                }
            }
        }
        throw attempt.failure(records);
    }

    /** The state of one verification: the chain, and the failures of records that matched. */
    private final class Attempt {

        private final List<X509Certificate> chain;
        private final String authType;
        private final List<TlsPolicyException> failures = new ArrayList<>();

        Attempt(List<X509Certificate> chain, String authType) {
            this.chain = chain;
            this.authType = authType;
        }

        @Nullable VerifiedPeer tryRecord(TlsaRecord r) {
            X509Certificate leaf = chain.get(0);
            switch (r.usage()) {
                case 3:
                    return DaneMatcher.matches(r, leaf)
                            ? new VerifiedPeer(AuthenticationMethod.DANE_EE, false, "TLSA " + DaneMatcher.describe(r))
                            : null;
                case 1:
                    return DaneMatcher.matches(r, leaf)
                            ? checked(r, leaf, AuthenticationMethod.DANE_PKIX_EE, null) : null;
                case 2:
                    for (X509Certificate anchor : chain.subList(1, chain.size())) {
                        if (DaneMatcher.matches(r, anchor)) {
                            VerifiedPeer peer = checked(r, anchor, AuthenticationMethod.DANE_TA, anchor);
                            if (peer != null) {
                                return peer;
                            }
                        }
                    }
                    return null;
                default:
                    for (X509Certificate anchor : pkixTaCandidates()) {
                        if (DaneMatcher.matches(r, anchor)) {
                            VerifiedPeer peer = checked(r, anchor, AuthenticationMethod.DANE_PKIX_TA, anchor);
                            if (peer != null) {
                                return peer;
                            }
                        }
                    }
                    return null;
            }
        }

        /**
         * Runs the checks a matched record's usage adds: the path to the matched anchor (TA usages),
         * PKIX to the local store (PKIX usages), then the names.
         */
        private @Nullable VerifiedPeer checked(TlsaRecord r, X509Certificate matched, AuthenticationMethod method,
                @Nullable X509Certificate anchor) {
            String matchedWhat = DaneMatcher.usageName(r.usage()) + " TLSA record " + DaneMatcher.describe(r)
                    + " matched " + (matched == chain.get(0) ? "the server certificate" : "the CA certificate '"
                    + matched.getSubjectX500Principal().getName() + "'");
            try {
                if (anchor != null) {
                    PkixValidator.forAnchor(anchor).validate(chain, authType);
                }
                if (r.usage() <= 1) {
                    try {
                        pkix.validate(chain, authType);
                    } catch (CertificatePathException e) {
                        throw new CertificatePathException("usage " + DaneMatcher.usageName(r.usage())
                                + " also requires validation against the local trust store, which failed: "
                                + e.getMessage(), e);
                    }
                }
                IdentityMatch match = IdentityVerifier.verify(chain.get(0), identifiers, cnIdCompatibility);
                return new VerifiedPeer(method, match.viaCommonName(), match.reference() + " via TLSA "
                        + DaneMatcher.describe(r));
            } catch (CertificateIdentityException e) {
                failures.add(new CertificateIdentityException(matchedWhat + ", but " + e.getMessage(),
                        e.referenceIdentifiers(), e.presentedIdentifiers()));
                return null;
            } catch (CertificatePathException e) {
                failures.add(new CertificatePathException(matchedWhat + ", but " + e.getMessage(), e));
                return null;
            }
        }

        /**
         * Where a PKIX-TA record may match: the CA certificates the server sent, and the local trust
         * anchors that issued one of them (a server need not send the root its path ends at).
         */
        private List<X509Certificate> pkixTaCandidates() {
            List<X509Certificate> candidates = new ArrayList<>(chain.subList(1, chain.size()));
            List<X500Principal> issuers = chain.stream().map(X509Certificate::getIssuerX500Principal).toList();
            for (X509Certificate root : pkix.trustManager().getAcceptedIssuers()) {
                if (issuers.contains(root.getSubjectX500Principal()) && !candidates.contains(root)) {
                    candidates.add(root);
                }
            }
            return candidates;
        }

        TlsPolicyException failure(List<TlsaRecord> tried) {
            if (!failures.isEmpty()) {
                TlsPolicyException first = failures.get(0);
                failures.subList(1, failures.size()).forEach(first::addSuppressed);
                return first;
            }
            List<String> shown = tried.stream().map(DaneMatcher::describe).toList();
            String leafKey = HexFormat.of().formatHex(DaneMatcher.associationData(chain.get(0), 1, 1));
            return new DaneVerificationException("the server's certificate chain matches none of its "
                    + tried.size() + " usable DNSSEC-secured TLSA record" + (tried.size() == 1 ? "" : "s")
                    + " (tried " + String.join(", ", shown) + "; the server sent " + chain.size() + " certificate"
                    + (chain.size() == 1 ? "" : "s") + ", and its own key would match 3 1 1 " + leafKey
                    + "). These TLSA records decide for this server, so PKIX is not tried instead: the server's "
                    + "certificate or its TLSA records are out of date, or the connection is being intercepted",
                    shown);
        }
    }
}
