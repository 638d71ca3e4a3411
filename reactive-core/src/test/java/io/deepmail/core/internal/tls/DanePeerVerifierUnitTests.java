package io.deepmail.core.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.deepmail.core.CertificateIdentityException;
import io.deepmail.core.CertificatePathException;
import io.deepmail.core.DaneVerificationException;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.dns.TlsaRecord;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.testkit.Tlsa;
import io.deepmail.core.tls.ReferenceIdentifiers;
import io.deepmail.core.tls.TrustAnchors;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The named DANE cases around the matrix: several records, unusable records, digest agility, the usages' extra checks. */
class DanePeerVerifierUnitTests {

    private static final String HOST = "mail.example.test";
    private static final String AUTH = "ECDHE_RSA";
    private static final TestCa CA = TestPki.rsa();
    private static final Credential SERVER = CA.leaf().dns(HOST).issue();
    private static final X509Certificate STRANGER = TestPki.unknownRoot().leaf().dns(HOST).issue().leaf();
    private static final PkixValidator TRUSTS_CA = PkixValidator.forAnchors(TrustAnchors.of(CA.certificate()));
    private static final PkixValidator TRUSTS_NOTHING_RELEVANT =
            PkixValidator.forAnchors(TrustAnchors.of(TestPki.unknownRoot().certificate()));

    private static DanePeerVerifier verifier(PkixValidator local, TlsaRecord... records) {
        return new DanePeerVerifier(local, List.of(records), ReferenceIdentifiers.forManualHost(HOST), false);
    }

    private static TlsaRecord wrong(int usage, int selector, int matchingType) {
        return Tlsa.of(usage, selector, matchingType, usage == 1 || usage == 3 ? STRANGER
                : TestPki.unknownRoot().certificate());
    }

    @Test
    @DisplayName("DANE-05: several records, one matching among non-matching ones, authenticate the server")
    void oneMatchAmongMany() {
        VerifiedPeer peer = verifier(TRUSTS_NOTHING_RELEVANT, wrong(3, 1, 2), wrong(2, 0, 1), wrong(1, 1, 1),
                Tlsa.of(3, 0, 1, SERVER.leaf()), wrong(2, 1, 2), wrong(0, 0, 0)).verify(SERVER.chain(), AUTH);
        assertThat(peer.method()).isEqualTo(AuthenticationMethod.DANE_EE);
        assertThat(peer.matchedIdentifier()).startsWith("TLSA 3 0 1 ");
    }

    @Test
    @DisplayName("DANE-08: usage 4, selector 2, matching type 3 and wrong digest lengths are unusable; only those is no TLSA")
    void unusableOnly() {
        byte[] sha256 = Tlsa.data(1, 1, SERVER.leaf());
        List<TlsaRecord> unusable = List.of(
                new TlsaRecord(4, 1, 1, sha256),
                new TlsaRecord(3, 2, 1, sha256),
                new TlsaRecord(3, 1, 3, sha256),
                new TlsaRecord(3, 1, 1, java.util.Arrays.copyOf(sha256, 31)),
                new TlsaRecord(3, 1, 2, sha256),
                new TlsaRecord(255, 255, 255, sha256),
                new TlsaRecord(3, 1, 0, new byte[0]));
        assertThat(unusable).noneMatch(TlsaRecord::usable);
        assertThat(DaneMatcher.effective(unusable)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new DanePeerVerifier(TRUSTS_CA, unusable,
                ReferenceIdentifiers.forManualHost(HOST), false));
    }

    @Test
    @DisplayName("DANE-08: unusable records next to usable ones are ignored, not failed on")
    void unusableIgnored() {
        VerifiedPeer peer = verifier(TRUSTS_NOTHING_RELEVANT, new TlsaRecord(4, 1, 1, new byte[32]),
                new TlsaRecord(3, 2, 1, new byte[32]), Tlsa.of(3, 1, 1, SERVER.leaf())).verify(SERVER.chain(), AUTH);
        assertThat(peer.method()).isEqualTo(AuthenticationMethod.DANE_EE);
    }

    @Test
    @DisplayName("DANE-09: a wrong SHA2-512 record next to a correct SHA2-256 one for the same usage and selector fails")
    void digestAgilityWrongStrongest() {
        DaneVerificationException e = catchThrowableOfType(DaneVerificationException.class,
                () -> verifier(TRUSTS_NOTHING_RELEVANT, Tlsa.of(3, 1, 1, SERVER.leaf()), wrong(3, 1, 2))
                        .verify(SERVER.chain(), AUTH));
        assertThat(e).isNotNull();
        assertThat(e.records()).as("only the strongest type is tried").singleElement().asString().startsWith("3 1 2 ");
    }

    @Test
    @DisplayName("DANE-09: SHA2-256 outranks exact, so a correct exact record next to a wrong SHA2-256 one fails")
    void digestAgilityExactIsWeakest() {
        assertThat(catchThrowableOfType(DaneVerificationException.class,
                () -> verifier(TRUSTS_NOTHING_RELEVANT, Tlsa.of(3, 1, 0, SERVER.leaf()), wrong(3, 1, 1))
                        .verify(SERVER.chain(), AUTH))).isNotNull();
    }

    @Test
    @DisplayName("DANE-09: a correct strongest digest wins over a wrong weaker one, and each usage/selector pair has its own")
    void digestAgilityPerPair() {
        assertThat(verifier(TRUSTS_NOTHING_RELEVANT, wrong(3, 1, 1), Tlsa.of(3, 1, 2, SERVER.leaf()))
                .verify(SERVER.chain(), AUTH).method()).isEqualTo(AuthenticationMethod.DANE_EE);
        assertThat(verifier(TRUSTS_NOTHING_RELEVANT, wrong(3, 1, 2), Tlsa.of(3, 0, 1, SERVER.leaf()))
                .verify(SERVER.chain(), AUTH).method()).isEqualTo(AuthenticationMethod.DANE_EE);
        assertThat(verifier(TRUSTS_NOTHING_RELEVANT, wrong(3, 1, 2), Tlsa.of(2, 1, 1, CA.certificate()))
                .verify(SERVER.chain(), AUTH).method()).isEqualTo(AuthenticationMethod.DANE_TA);
        assertThat(DaneMatcher.effective(List.of(wrong(3, 1, 0), wrong(3, 1, 1), wrong(3, 1, 2), wrong(3, 0, 1),
                wrong(2, 1, 0)))).extracting(r -> r.usage() + " " + r.selector() + " " + r.matchingType())
                .containsExactly("3 1 2", "3 0 1", "2 1 0");
    }

    @Test
    @DisplayName("DANE-05: an expired self-signed leaf naming another host is accepted by a matching 3 1 1 record")
    void expiredSelfSignedDaneEe() {
        Credential expired = CA.leaf().dns("other.example.test").selfSigned().expired().issue();
        VerifiedPeer peer = verifier(TRUSTS_NOTHING_RELEVANT, Tlsa.of(3, 1, 1, expired.leaf()))
                .verify(expired.chain(), AUTH);
        assertThat(peer.method()).isEqualTo(AuthenticationMethod.DANE_EE);
        assertThat(peer.identityCompat()).isFalse();
    }

    @Test
    @DisplayName("DANE-05: a not-yet-valid leaf is accepted by a matching 3 0 2 record")
    void notYetValidDaneEe() {
        Credential early = CA.leaf().dns(HOST).notYetValid().issue();
        assertThat(verifier(TRUSTS_NOTHING_RELEVANT, Tlsa.of(3, 0, 2, early.leaf())).verify(early.chain(), AUTH)
                .method()).isEqualTo(AuthenticationMethod.DANE_EE);
    }

    @Test
    @DisplayName("DANE-06: DANE-TA with the anchor in the chain but a name mismatch is rejected")
    void daneTaNameMismatch() {
        Credential misnamed = CA.leaf().dns("other.example.test").issue();
        CertificateIdentityException e = catchThrowableOfType(CertificateIdentityException.class,
                () -> verifier(TRUSTS_NOTHING_RELEVANT, Tlsa.of(2, 1, 1, CA.certificate()))
                        .verify(misnamed.chain(), AUTH));
        assertThat(e).isNotNull().hasMessageContaining("DANE-TA TLSA record 2 1 1 ")
                .hasMessageContaining("does not name this server");
        assertThat(e.referenceIdentifiers()).containsExactly("DNS-ID " + HOST);
        assertThat(e.presentedIdentifiers()).containsExactly("DNS-ID other.example.test");
    }

    @Test
    @DisplayName("DANE-06: DANE-TA fails when the server does not send the anchor")
    void daneTaAnchorNotSent() {
        DaneVerificationException e = catchThrowableOfType(DaneVerificationException.class,
                () -> verifier(TRUSTS_CA, Tlsa.of(2, 0, 1, CA.certificate())).verify(List.of(SERVER.leaf()), AUTH));
        assertThat(e).isNotNull();
        assertThat(e.records()).singleElement().asString().startsWith("2 0 1 ");
    }

    @Test
    @DisplayName("DANE-06: DANE-TA applies validity dates to the chain below the anchor")
    void daneTaExpiredLeaf() {
        Credential expired = CA.leaf().dns(HOST).expired().issue();
        CertificatePathException e = catchThrowableOfType(CertificatePathException.class,
                () -> verifier(TRUSTS_NOTHING_RELEVANT, Tlsa.of(2, 1, 1, CA.certificate()))
                        .verify(expired.chain(), AUTH));
        assertThat(e).isNotNull().hasMessageContaining("DANE-TA TLSA record 2 1 1").hasMessageContaining("expired");
    }

    @Test
    @DisplayName("DANE-06: a DANE-TA record naming a CA that did not issue the leaf fails the path check")
    void daneTaWrongIssuer() {
        Credential foreign = TestPki.unknownRoot().leaf().dns(HOST).issue();
        List<X509Certificate> chain = List.of(foreign.leaf(), CA.certificate());
        CertificatePathException e = catchThrowableOfType(CertificatePathException.class,
                () -> verifier(TRUSTS_NOTHING_RELEVANT, Tlsa.of(2, 1, 1, CA.certificate())).verify(chain, "ECDHE_ECDSA"));
        assertThat(e).isNotNull().hasMessageContaining("DANE-TA");
    }

    @Test
    @DisplayName("DANE-07: PKIX-TA and PKIX-EE matches are rejected when the private CA is missing from the local trust store")
    void pkixUsagesNeedLocalTrust() {
        for (TlsaRecord record : List.of(Tlsa.of(0, 1, 1, CA.certificate()), Tlsa.of(1, 1, 1, SERVER.leaf()))) {
            CertificatePathException e = catchThrowableOfType(CertificatePathException.class,
                    () -> verifier(TRUSTS_NOTHING_RELEVANT, record).verify(SERVER.chain(), AUTH));
            assertThat(e).as("usage %d", record.usage()).isNotNull()
                    .hasMessageContaining("also requires validation against the local trust store");
        }
    }

    @Test
    @DisplayName("DANE-07: PKIX-EE checks names like PKIX does")
    void pkixEeNameMismatch() {
        Credential misnamed = CA.leaf().dns("other.example.test").issue();
        assertThat(catchThrowableOfType(CertificateIdentityException.class,
                () -> verifier(TRUSTS_CA, Tlsa.of(1, 1, 1, misnamed.leaf())).verify(misnamed.chain(), AUTH)))
                .isNotNull().hasMessageContaining("PKIX-EE TLSA record 1 1 1");
    }

    @Test
    @DisplayName("DANE-07: PKIX-TA may name a local trust anchor the server did not send")
    void pkixTaLocalAnchor() {
        VerifiedPeer peer = verifier(TRUSTS_CA, Tlsa.of(0, 0, 1, CA.certificate())).verify(List.of(SERVER.leaf()), AUTH);
        assertThat(peer.method()).isEqualTo(AuthenticationMethod.DANE_PKIX_TA);
    }

    @Test
    @DisplayName("DANE-07: PKIX-TA fails when the matched CA is trusted locally but not on the server's path")
    void pkixTaOffPath() {
        TestCa ec = TestPki.ec();
        PkixValidator both = PkixValidator.forAnchors(TrustAnchors.of(CA.certificate(), ec.certificate()));
        List<X509Certificate> chain = List.of(SERVER.leaf(), CA.certificate(), ec.certificate());
        assertThat(catchThrowableOfType(CertificatePathException.class,
                () -> verifier(both, Tlsa.of(0, 1, 1, ec.certificate())).verify(chain, AUTH))).isNotNull();
    }

    @Test
    @DisplayName("DANE-05: with DANE-EE and PKIX-EE both matching, the cheaper DANE-EE is what the session records")
    void usageOrder() {
        assertThat(verifier(TRUSTS_CA, Tlsa.of(1, 1, 1, SERVER.leaf()), Tlsa.of(3, 1, 1, SERVER.leaf()))
                .verify(SERVER.chain(), AUTH).method()).isEqualTo(AuthenticationMethod.DANE_EE);
        assertThat(verifier(TRUSTS_CA, Tlsa.of(1, 1, 1, SERVER.leaf()), Tlsa.of(0, 1, 1, CA.certificate()))
                .verify(SERVER.chain(), AUTH).method()).isEqualTo(AuthenticationMethod.DANE_PKIX_EE);
    }

    @Test
    @DisplayName("DANE-06: a record whose checks fail does not stop another record from authenticating")
    void failedMatchThenSuccess() {
        Credential misnamed = CA.leaf().dns("other.example.test").issue();
        assertThat(verifier(TRUSTS_NOTHING_RELEVANT, Tlsa.of(2, 1, 1, CA.certificate()),
                Tlsa.of(3, 1, 1, misnamed.leaf())).verify(misnamed.chain(), AUTH).method())
                .isEqualTo(AuthenticationMethod.DANE_EE);
    }

    @Test
    @DisplayName("DANE-06/07: when several matched records fail their checks, the first failure is raised with the rest suppressed")
    void severalFailures() {
        Credential misnamed = CA.leaf().dns("other.example.test").issue();
        TlsPolicyException e = catchThrowableOfType(TlsPolicyException.class,
                () -> verifier(TRUSTS_NOTHING_RELEVANT, Tlsa.of(1, 1, 1, misnamed.leaf()),
                        Tlsa.of(2, 1, 1, CA.certificate())).verify(misnamed.chain(), AUTH));
        assertThat(e).isInstanceOf(CertificateIdentityException.class).hasMessageContaining("DANE-TA");
        assertThat(e.getSuppressed()).singleElement().isInstanceOf(CertificatePathException.class);
    }

    @Test
    @DisplayName("a mismatch says which records were tried and which 3 1 1 record the server's key would need")
    void mismatchMessage() {
        DaneVerificationException e = catchThrowableOfType(DaneVerificationException.class,
                () -> verifier(TRUSTS_CA, wrong(3, 1, 1), wrong(2, 0, 2)).verify(SERVER.chain(), AUTH));
        assertThat(e).isNotNull().hasMessageContaining("none of its 2 usable")
                .hasMessageContaining("3 1 1 " + HexFormat.of().formatHex(Tlsa.data(1, 1, SERVER.leaf())))
                .hasMessageContaining("PKIX is not tried");
        assertThat(e.records()).hasSize(2).allSatisfy(r -> assertThat(r.length()).isLessThan(48));
    }

    @Test
    @DisplayName("selector 1 takes the SubjectPublicKeyInfo exactly as the JDK encodes it, for RSA and EC keys")
    void spkiMatchesJdkEncoding() {
        for (X509Certificate c : List.of(SERVER.leaf(), STRANGER, CA.certificate(), TestPki.ec().certificate())) {
            assertThat(DaneMatcher.associationData(c, 1, 0)).isEqualTo(c.getPublicKey().getEncoded());
            assertThat(DaneMatcher.associationData(c, 0, 0)).isEqualTo(Tlsa.data(0, 0, c));
        }
    }
}
