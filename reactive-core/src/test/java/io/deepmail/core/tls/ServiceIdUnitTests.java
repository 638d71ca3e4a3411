package io.deepmail.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each reference identifier kind validates itself and matches only its own pattern kind. */
class ServiceIdUnitTests {

    @Test
    @DisplayName("ID-04: a DNS-ID is held in lower-case ASCII; of() drops a trailing dot and converts IDNs")
    void dnsIdNormalises() {
        assertThat(new DnsId("Mail.Example.COM").name()).isEqualTo("mail.example.com");
        assertThat(DnsId.of("mail.example.com.").name()).isEqualTo("mail.example.com");
        assertThat(DnsId.of("Bücher.example").name()).isEqualTo("xn--bcher-kva.example");
        assertThat(new DnsId("localhost").name()).isEqualTo("localhost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*.example.com", "mail.example.com.", "bücher.example", "a..example.com",
        ".example.com", "-a.example.com", "a-.example.com", "a_b.example.com", "192.0.2.1", "mail example.com",
        "\u212Aey.example.com"})
    @DisplayName("ID-07: a DNS reference identifier rejects wildcards, trailing dots, non-ASCII and IP literals")
    void dnsIdRejects(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> new DnsId(name));
    }

    @Test
    @DisplayName("ID-04: DNS names longer than 253 characters or with labels over 63 are rejected")
    void dnsIdLengthLimits() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DnsId("a".repeat(64) + ".example"));
        assertThatIllegalArgumentException().isThrownBy(() -> new DnsId("a.".repeat(127) + "com"));
        assertThat(new DnsId("a".repeat(63) + ".example").name()).hasSize(71);
    }

    @Test
    @DisplayName("ID-03: an SRV-ID prints as _service.domain and parses back")
    void srvIdPrintsAndParses() {
        SrvId id = new SrvId("IMAPS", "Example.Test");
        assertThat(id.service()).isEqualTo("imaps");
        assertThat(id.domain()).isEqualTo("example.test");
        assertThat(id).hasToString("_imaps.example.test");
        assertThat(SrvId.parse("_imaps.example.test")).isEqualTo(id);
        assertThat(new SrvId("_submissions", "example.test").service()).isEqualTo("submissions");
        assertThat(id.domainId()).isEqualTo(new DnsId("example.test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-imaps", "imaps-", "im--aps", "1234", "imap_s", "averyveryverylongname", "im aps"})
    @DisplayName("ID-03: an SRV-ID rejects service names outside RFC 6335")
    void srvIdRejectsBadService(String service) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SrvId(service, "example.test"));
    }

    @Test
    @DisplayName("ID-03: an SRV-ID rejects a wildcard or malformed domain, and a printed form without underscore")
    void srvIdRejectsBadDomain() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SrvId("imaps", "*.example.test"));
        assertThatIllegalArgumentException().isThrownBy(() -> new SrvId("imaps", "example.test."));
        assertThatIllegalArgumentException().isThrownBy(() -> SrvId.parse("imaps.example.test"));
        assertThatIllegalArgumentException().isThrownBy(() -> SrvId.parse("_imaps"));
    }

    @Test
    @DisplayName("ID-04: an IP-ID parses literals without DNS and matches iPAddress patterns byte for byte")
    void ipIdParsesAndMatches() throws Exception {
        IpId v4 = IpId.parse("192.0.2.1");
        IpId v6 = IpId.parse("[2001:db8::1]");
        assertThat(v4.matches(new CertificatePattern.Ip(InetAddress.getByName("192.0.2.1")))).isTrue();
        assertThat(v4.matches(new CertificatePattern.Ip(InetAddress.getByName("192.0.2.2")))).isFalse();
        assertThat(v6.matches(new CertificatePattern.Ip(InetAddress.getByName("2001:db8:0:0:0:0:0:1")))).isTrue();
        assertThat(v4.matches(new CertificatePattern.Dns("192.0.2.1"))).isFalse();
        assertThat(v4.matches(new CertificatePattern.CommonName("192.0.2.1"))).isFalse();
        assertThat(IpId.isLiteral("mail.example.com")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> IpId.parse("mail.example.com"));
        assertThatIllegalArgumentException().isThrownBy(() -> IpId.parse("192.0.2"));
    }

    @Test
    @DisplayName("ID-05: no reference identifier kind ever matches a URI-ID")
    void uriNeverMatches() {
        CertificatePattern uri = new CertificatePattern.Uri("imaps://mail.example.test");
        assertThat(new DnsId("mail.example.test").matches(uri)).isFalse();
        assertThat(new SrvId("imaps", "mail.example.test").matches(uri)).isFalse();
    }

    @Test
    @DisplayName("ID-03: a DNS-ID never matches an SRV-ID pattern, nor an SRV-ID a dNSName")
    void kindsDoNotCross() {
        assertThat(new DnsId("example.test").matches(new CertificatePattern.Srv("imaps", "example.test"))).isFalse();
        assertThat(new SrvId("imaps", "example.test").matches(new CertificatePattern.Dns("example.test"))).isFalse();
        assertThat(new SrvId("imaps", "example.test").matches(new CertificatePattern.Dns("_imaps.example.test")))
                .isFalse();
    }
}
