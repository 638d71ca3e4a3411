package io.deepmail.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.discovery.AccountDiscovery;
import io.deepmail.core.discovery.DiscoveryCandidate;
import io.deepmail.core.discovery.DiscoveryOptions;
import io.deepmail.core.discovery.DiscoveryResult;
import io.deepmail.core.discovery.LabelLookup;
import io.deepmail.core.discovery.ServiceLabel;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnsOptions;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.tls.DnsId;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * RFC 6186 discovery and DNSSEC status through the lab's validating Unbound (lab/README.md, "Names
 * and DNS"). Skipped when the lab is not running.
 */
@Tag("integration")
class DiscoveryIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static MailResources resources;
    private LabEnvironment lab;
    private DnsLookup dns;

    @BeforeAll
    static void loops() {
        resources = MailResources.create();
    }

    @AfterAll
    static void stopLoops() {
        resources.disposeLater().block(WAIT);
    }

    @BeforeEach
    void lab() {
        lab = LabEnvironment.require();
        dns = lookup(b -> b);
    }

    @AfterEach
    void dispose() {
        if (dns != null) {
            dns.dispose();
        }
    }

    @Test
    @DisplayName("SRV-01/SRV-02: example.test gives SECURE SRV records with the lab's ports, Implicit TLS first")
    void secureDomain() {
        DiscoveryResult r = discover(lab.get("LAB_DOMAIN"));
        String host = lab.get("LAB_HOST");
        assertThat(r.failures()).isEmpty();
        assertThat(r.labels().values()).allSatisfy(l -> {
            assertThat(l.state()).isEqualTo(LabelLookup.State.FOUND);
            assertThat(l.status()).isEqualTo(DnssecStatus.SECURE);
        });
        assertThat(r.candidates(MailProtocol.IMAP)).extracting(DiscoveryCandidate::port)
                .containsExactly(lab.port("LAB_IMAPS_PORT"), lab.port("LAB_IMAP_PORT"));
        assertThat(r.candidates(MailProtocol.POP3)).extracting(DiscoveryCandidate::port)
                .containsExactly(lab.port("LAB_POP3S_PORT"), lab.port("LAB_POP3_PORT"));
        assertThat(r.candidates(MailProtocol.SUBMISSION)).extracting(DiscoveryCandidate::port)
                .containsExactly(lab.port("LAB_SUBMISSIONS_PORT"), lab.port("LAB_SUBMISSION_PORT"));
        assertThat(r.candidates().values()).allSatisfy(list -> assertThat(list).allSatisfy(c -> {
            assertThat(c.host()).isEqualTo(host);
            assertThat(c.trust()).isEqualTo(DiscoveryTrust.SRV_SECURE);
            assertThat(c.needsConfirmation()).isFalse();
            assertThat(c.referenceIdentifiers().ids()).contains(DnsId.of(host));
        }));
        assertThat(r.mayRequerySrv(MailProtocol.IMAP)).isTrue();
    }

    @Test
    @DisplayName("the target's addresses and its TLSA RRset come back SECURE, as published")
    void secureTargetAndTlsa() {
        String host = lab.get("LAB_HOST");
        DnsAnswer<java.net.InetAddress> addresses = await(dns.addresses(host));
        assertThat(addresses.status()).isEqualTo(DnssecStatus.SECURE);
        assertThat(addresses.records()).extracting(java.net.InetAddress::getHostAddress)
                .contains(lab.get("LAB_IP4"));
        var tlsa = await(dns.tlsa("_" + lab.port("LAB_IMAPS_PORT") + "._tcp." + host));
        assertThat(tlsa.status()).isEqualTo(DnssecStatus.SECURE);
        assertThat(tlsa.records()).extracting(t -> HexFormat.of().formatHex(t.data()))
                .contains(lab.get("LAB_TLSA_RSA_SPKI_SHA256").toLowerCase(java.util.Locale.ROOT));
        var none = await(dns.tlsa("_" + lab.port("LAB_IMAPS_PORT") + "._tcp." + lab.get("LAB_DOMAIN_NO_TLSA")));
        assertThat(none.outcome()).isEqualTo(DnsAnswer.Outcome.NXDOMAIN);
        assertThat(none.status()).as("authenticated denial").isEqualTo(DnssecStatus.SECURE);
    }

    @Test
    @DisplayName("DANE-11: Unbound's AD bit is ignored when loopback is not configured as trusted")
    void untrustedResolver() {
        DnsLookup untrusting = lookup(b -> b.trustedResolvers(List.of()));
        try {
            DiscoveryResult r = await(AccountDiscovery.create(untrusting).discover("alice@" + lab.get("LAB_DOMAIN")));
            assertThat(r.labels().values()).allSatisfy(l -> assertThat(l.status()).isEqualTo(DnssecStatus.INSECURE));
            assertThat(r.candidates(MailProtocol.IMAP)).allSatisfy(c ->
                    assertThat(c.trust()).isEqualTo(DiscoveryTrust.SRV_INSECURE));
            assertThat(r.mayRequerySrv(MailProtocol.IMAP)).isFalse();
        } finally {
            untrusting.dispose();
        }
    }

    @Test
    @DisplayName("SRV-07/SRV-08: the insecure zone gives INSECURE candidates; its in-domain target needs no confirmation")
    void insecureZone() {
        String domain = lab.get("LAB_DOMAIN_INSECURE");
        DiscoveryResult r = discover(domain);
        assertThat(r.failures()).isEmpty();
        assertThat(r.labels().values()).allSatisfy(l -> assertThat(l.status()).isEqualTo(DnssecStatus.INSECURE));
        // The lab publishes only mail.insecure.test, inside D; the off-domain case is covered by the unit tests.
        assertThat(r.candidates(MailProtocol.IMAP)).isNotEmpty().allSatisfy(c -> {
            assertThat(c.trust()).isEqualTo(DiscoveryTrust.SRV_INSECURE);
            assertThat(c.host()).isEqualTo("mail." + domain);
            assertThat(c.needsConfirmation()).isFalse();
        });
        assertThat(r.mayRequerySrv(MailProtocol.IMAP)).isFalse();
        assertThat(r.mayRequerySrv(MailProtocol.SUBMISSION)).isFalse();
    }

    @Test
    @DisplayName("SRV-11: the bogus zone aborts every service, with no candidates and BOGUS reported")
    void bogusZone() {
        assertAborted(lab.get("LAB_DOMAIN_BOGUS"));
    }

    @Test
    @DisplayName("SRV-11: the expired zone aborts every service, with no candidates and BOGUS reported")
    void expiredZone() {
        assertAborted(lab.get("LAB_DOMAIN_EXPIRED"));
    }

    @Test
    @DisplayName("SRV-04: nosubmission.example.test removes both submission services with SRV 0 0 0 .")
    void noSubmission() {
        DiscoveryResult r = discover(lab.get("LAB_DOMAIN_NO_SUBMISSION"));
        assertThat(r.candidates(MailProtocol.SUBMISSION)).isEmpty();
        assertThat(r.labels().get(ServiceLabel.SUBMISSION).state()).isEqualTo(LabelLookup.State.NOT_PROVIDED);
        assertThat(r.labels().get(ServiceLabel.SUBMISSIONS).state()).isEqualTo(LabelLookup.State.NOT_PROVIDED);
        assertThat(r.failures()).isEmpty();
        assertThat(r.candidates(MailProtocol.IMAP)).extracting(DiscoveryCandidate::port)
                .containsExactly(lab.port("LAB_IMAPS_PORT"), lab.port("LAB_IMAP_PORT"));
    }

    @Test
    @DisplayName("SRV-10: prio.example.test orders by priority across labels")
    void priorities() {
        DiscoveryResult r = discover(lab.get("LAB_DOMAIN_PRIORITY"));
        assertThat(r.candidates(MailProtocol.IMAP)).extracting(DiscoveryCandidate::port).containsExactly(
                lab.port("LAB_TLS13_IMAPS_PORT"), lab.port("LAB_IMAPS_PORT"), lab.port("LAB_IMAP_PORT"));
        assertThat(r.candidates(MailProtocol.IMAP)).extracting(DiscoveryCandidate::mode)
                .containsExactly(TransportMode.IMPLICIT, TransportMode.IMPLICIT, TransportMode.STARTTLS);
    }

    @Test
    @DisplayName("cleartext.example.test publishes only the STARTTLS labels")
    void cleartextOnly() {
        DiscoveryResult r = discover(lab.get("LAB_DOMAIN_CLEARTEXT"));
        assertThat(r.candidates(MailProtocol.IMAP)).extracting(DiscoveryCandidate::port)
                .containsExactly(lab.port("LAB_CLEAR_IMAP_PORT"));
        assertThat(r.labels().get(ServiceLabel.IMAPS).state()).isEqualTo(LabelLookup.State.ABSENT);
        assertThat(r.labels().get(ServiceLabel.IMAPS).status()).as("authenticated denial").isEqualTo(DnssecStatus.SECURE);
        assertThat(r.candidates(MailProtocol.SUBMISSION)).isEmpty();
    }

    private void assertAborted(String domain) {
        DiscoveryResult r = discover(domain);
        assertThat(r.candidates().values()).allSatisfy(list -> assertThat(list).isEmpty());
        assertThat(r.failures()).hasSize(6).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(DnssecStatus.BOGUS);
            assertThat(f.detail()).contains("DNSSEC validation failed");
        });
        for (MailProtocol p : MailProtocol.values()) {
            assertThat(r.failed(p)).isTrue();
            assertThat(r.mayRequerySrv(p)).isFalse();
        }
    }

    private DnsLookup lookup(UnaryOperator<DnsOptions.Builder> options) {
        InetSocketAddress unbound = new InetSocketAddress(lab.get("LAB_DNS_HOST"), lab.port("LAB_DNS_PORT"));
        return DnsLookup.create(resources, options.apply(DnsOptions.builder().resolvers(List.of(unbound))).build());
    }

    private DiscoveryResult discover(String domain) {
        return await(AccountDiscovery.create(dns, DiscoveryOptions.defaults(), new SplittableRandom(6186))
                .discover("alice@" + domain));
    }

    private static <T> T await(Mono<T> mono) {
        AtomicReference<T> out = new AtomicReference<>();
        mono.as(StepVerifier::create).consumeNextWith(out::set).expectComplete().verify(WAIT);
        return out.get();
    }
}
