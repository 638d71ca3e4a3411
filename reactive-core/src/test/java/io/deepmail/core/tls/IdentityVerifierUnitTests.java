package io.deepmail.core.tls;

import static io.deepmail.core.security.DiscoveryTrust.SRV_SECURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.deepmail.core.CertificateIdentityException;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.TestPki;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The identity check's result and its single error listing every mismatch. */
class IdentityVerifierUnitTests {

    private static final ReferenceIdentifiers DISCOVERED =
            ReferenceIdentifiers.forSrv("example.test", "imaps", "mail.example.test", SRV_SECURE, false);

    @Test
    @DisplayName("ID-04: the result names the reference identifier and the presented identifier that matched")
    void resultNamesTheMatch() {
        Credential leaf = TestPki.rsa().leaf().dns("other.example.test", "*.example.test").srv("_imaps.example.test")
                .issue();

        IdentityMatch match = IdentityVerifier.verify(leaf.leaf(), DISCOVERED, false);

        assertThat(match.reference()).isEqualTo(new DnsId("mail.example.test"));
        assertThat(match.presented()).isEqualTo(new CertificatePattern.Dns("*.example.test"));
        assertThat(match.viaCommonName()).isFalse();
    }

    @Test
    @DisplayName("ID-03: the SRV-ID matches when no DNS-ID does")
    void srvMatch() {
        Credential leaf = TestPki.ec().leaf().dns("other.example.test").srv("_imaps.example.test").issue();

        IdentityMatch match = IdentityVerifier.verify(leaf.leaf(), DISCOVERED, false);

        assertThat(match.reference()).isEqualTo(new SrvId("imaps", "example.test"));
        assertThat(match.presented()).isEqualTo(new CertificatePattern.Srv("imaps", "example.test"));
    }

    @Test
    @DisplayName("ID-02: the exception lists every reference identifier tried and every identifier presented")
    void exceptionListsEveryMismatch() {
        Credential leaf = TestPki.rsa().leaf().cn("mail.example.test").dns("mail.example.org", "*.example.net")
                .srv("_pop3s.example.test").uri("imaps://mail.example.test").ip("192.0.2.7").issue();

        CertificateIdentityException e = catchThrowableOfType(CertificateIdentityException.class,
                () -> IdentityVerifier.verify(leaf.leaf(), DISCOVERED, true));

        assertThat(e.referenceIdentifiers()).containsExactly(
                "DNS-ID mail.example.test", "DNS-ID example.test", "SRV-ID _imaps.example.test");
        assertThat(e.presentedIdentifiers()).containsExactly(
                "DNS-ID mail.example.org",
                "DNS-ID *.example.net",
                "SRV-ID _pop3s.example.test",
                "URI-ID imaps://mail.example.test (URI-IDs are never used)",
                "IP-ID 192.0.2.7",
                "CN-ID mail.example.test (not used: the certificate has subjectAltName identifiers)");
        for (String id : e.referenceIdentifiers()) {
            assertThat(e.getMessage()).contains(id);
        }
        for (String id : e.presentedIdentifiers()) {
            assertThat(e.getMessage()).contains(id);
        }
    }

    @Test
    @DisplayName("ID-06: the exception says the CN was not used because compatibility is off")
    void exceptionExplainsCnOff() {
        Credential leaf = TestPki.rsa().leaf().cn("mail.example.test").issue();

        CertificateIdentityException e = catchThrowableOfType(CertificateIdentityException.class,
                () -> IdentityVerifier.verify(leaf.leaf(), ReferenceIdentifiers.forManualHost("mail.example.test"),
                        false));

        assertThat(e.presentedIdentifiers())
                .containsExactly("CN-ID mail.example.test (not used: CN-ID compatibility is off)");
    }

    @Test
    @DisplayName("ID-02: a certificate presenting nothing is reported as such")
    void nothingPresented() {
        CertificateIdentityException e = catchThrowableOfType(CertificateIdentityException.class,
                () -> IdentityVerifier.verify(List.of(), ReferenceIdentifiers.forManualHost("mail.example.test"),
                        true));

        assertThat(e.presentedIdentifiers()).isEmpty();
        assertThat(e).hasMessageContaining("presents no identifier").hasMessageContaining("DNS-ID mail.example.test");
    }

    @Test
    @DisplayName("ID-06: with the flag, a CN match is reported as compat")
    void cnCompat() {
        IdentityMatch match = IdentityVerifier.verify(List.of(new CertificatePattern.CommonName("Mail.Example.Test")),
                ReferenceIdentifiers.forManualHost("mail.example.test"), true);

        assertThat(match.viaCommonName()).isTrue();
    }

    @Test
    @DisplayName("ID-05: the legacy constructors of the exception still work and record no identifiers")
    void legacyConstructors() {
        CertificateIdentityException e = new CertificateIdentityException("no match");

        assertThat(e.referenceIdentifiers()).isEmpty();
        assertThat(e.presentedIdentifiers()).isEmpty();
    }
}
