package io.deepmail.core.tls;

import static io.deepmail.core.security.DiscoveryTrust.MANUAL;
import static io.deepmail.core.security.DiscoveryTrust.SRV_INSECURE;
import static io.deepmail.core.security.DiscoveryTrust.SRV_SECURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reference identifier table of REQUIREMENTS §6.1. */
class ReferenceIdentifiersUnitTests {

    private static final DnsId TARGET_OUTSIDE = new DnsId("mail.provider.test");
    private static final DnsId DOMAIN = new DnsId("example.test");
    private static final SrvId SRV = new SrvId("imaps", "example.test");

    @Test
    @DisplayName("ID-02: a manual host gives DNS-ID = the host as typed, optionally DNS-ID = the domain")
    void manualHost() {
        assertThat(ReferenceIdentifiers.forManualHost("Mail.Example.Test.").ids())
                .containsExactly(new DnsId("mail.example.test"));
        assertThat(ReferenceIdentifiers.forManualHost("mail.example.test", "example.test").ids())
                .containsExactly(new DnsId("mail.example.test"), DOMAIN);
        assertThat(ReferenceIdentifiers.forManualHost("example.test", "example.test").ids()).containsExactly(DOMAIN);
    }

    @Test
    @DisplayName("ID-02: a manual IP literal gives an IP-ID, never a DNS-ID")
    void manualIpLiteral() {
        assertThat(ReferenceIdentifiers.forManualHost("192.0.2.7").ids()).containsExactly(IpId.parse("192.0.2.7"));
        assertThat(ReferenceIdentifiers.forManualHost("[::1]").ids()).containsExactly(IpId.parse("::1"));
    }

    @Test
    @DisplayName("ID-03: a secure SRV target gives DNS-ID = T, DNS-ID = D and SRV-ID = _S.D")
    void secureSrv() {
        assertThat(ReferenceIdentifiers.forSrv("example.test", "imaps", "mail.provider.test", SRV_SECURE, false)
                .ids()).containsExactly(TARGET_OUTSIDE, DOMAIN, SRV);
    }

    @Test
    @DisplayName("ID-08: an insecure SRV target inside D, or confirmed, is a reference identifier")
    void insecureButTrustedSrv() {
        assertThat(ReferenceIdentifiers.forSrv("example.test", "imaps", "imap.example.test", SRV_INSECURE, false)
                .ids()).containsExactly(new DnsId("imap.example.test"), DOMAIN, SRV);
        assertThat(ReferenceIdentifiers.forSrv("example.test", "imaps", "example.test", SRV_INSECURE, false)
                .ids()).containsExactly(DOMAIN, SRV);
        assertThat(ReferenceIdentifiers.forSrv("example.test", "imaps", "mail.provider.test", SRV_INSECURE, true)
                .ids()).containsExactly(TARGET_OUTSIDE, DOMAIN, SRV);
    }

    @Test
    @DisplayName("ID-08: an insecure SRV target outside D and not confirmed is not a reference identifier")
    void insecureUntrustedSrv() {
        assertThat(ReferenceIdentifiers.forSrv("example.test", "imaps", "mail.provider.test", SRV_INSECURE, false)
                .ids()).containsExactly(DOMAIN, SRV);
        assertThat(ReferenceIdentifiers.forSrv("example.test", "imaps", "mail.badexample.test", SRV_INSECURE, false)
                .ids()).containsExactly(DOMAIN, SRV);
    }

    @Test
    @DisplayName("ID-08: forSrv refuses a manual trust and invalid names")
    void srvRejects() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReferenceIdentifiers.forSrv("example.test", "imaps",
                "mail.example.test", MANUAL, false));
        assertThatIllegalArgumentException().isThrownBy(() -> ReferenceIdentifiers.forSrv("*.example.test", "imaps",
                "mail.example.test", SRV_SECURE, false));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReferenceIdentifiers(List.of()));
    }

    @Test
    @DisplayName("ID-02: identifiers are deduplicated and listed with their kinds")
    void describesItself() {
        ReferenceIdentifiers refs = ReferenceIdentifiers.of(DOMAIN, SRV, DOMAIN);
        assertThat(refs.ids()).containsExactly(DOMAIN, SRV);
        assertThat(refs).hasToString("ReferenceIdentifiers[DNS-ID example.test, SRV-ID _imaps.example.test]");
    }
}
