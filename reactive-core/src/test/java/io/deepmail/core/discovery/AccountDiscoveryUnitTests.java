package io.deepmail.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnsOptions;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.dns.SrvRecord;
import io.deepmail.core.dns.TlsaRecord;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.testkit.ReceivedDnsQuery;
import io.deepmail.core.testkit.TestDnsAnswer;
import io.deepmail.core.testkit.TestDnsRdata;
import io.deepmail.core.testkit.TestDnsServer;
import io.deepmail.core.tls.DnsId;
import io.deepmail.core.tls.SrvId;
import io.netty.handler.codec.dns.DnsRecordType;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** RFC 6186 discovery against the in-process DNS server (REQUIREMENTS §5.3, §5.4, §6.1). */
class AccountDiscoveryUnitTests {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String D = "example.com";

    private static MailResources resources;
    private TestDnsServer dns;
    private DnsLookup lookup;

    @BeforeAll
    static void loops() {
        resources = MailResources.create();
    }

    @AfterAll
    static void stopLoops() {
        resources.disposeLater().block(WAIT);
    }

    @BeforeEach
    void start() {
        dns = TestDnsServer.start();
        lookup = DnsLookup.create(resources, DnsOptions.builder().resolvers(List.of(dns.address()))
                .queryTimeout(Duration.ofMillis(500)).build());
    }

    @AfterEach
    void stop() {
        lookup.dispose();
        dns.close();
    }

    @Test
    @DisplayName("SRV-01/SRV-02: the six labels are looked up under D, and give a complete configuration")
    void sixLabels() {
        publishAll(D, "mail.example.com", true);
        DiscoveryResult r = discover("alice@Example.COM");
        assertThat(dns.queries()).extracting(ReceivedDnsQuery::name).containsExactlyInAnyOrder(
                "_imaps._tcp.example.com", "_imap._tcp.example.com", "_pop3s._tcp.example.com",
                "_pop3._tcp.example.com", "_submissions._tcp.example.com", "_submission._tcp.example.com");
        assertThat(dns.queries()).allSatisfy(q -> assertThat(q.type()).isEqualTo(DnsRecordType.SRV));
        assertThat(r.domain()).isEqualTo(D);
        assertThat(r.candidates(MailProtocol.IMAP)).extracting(DiscoveryCandidate::port).containsExactly(993, 143);
        assertThat(r.candidates(MailProtocol.POP3)).extracting(DiscoveryCandidate::port).containsExactly(995, 110);
        assertThat(r.candidates(MailProtocol.SUBMISSION)).extracting(DiscoveryCandidate::port)
                .containsExactly(465, 587);
        assertThat(r.failures()).isEmpty();
        assertThat(r.labels().values()).allSatisfy(l -> {
            assertThat(l.state()).isEqualTo(LabelLookup.State.FOUND);
            assertThat(l.status()).isEqualTo(DnssecStatus.SECURE);
        });
    }

    @Test
    @DisplayName("§6.1: a secure target carries DNS-ID T, DNS-ID D and SRV-ID _S.D, and needs no confirmation")
    void secureCandidate() {
        publishAll(D, "mx.provider.net", true);
        DiscoveryCandidate c = discover("alice@example.com").candidates(MailProtocol.IMAP).get(0);
        assertThat(c.trust()).isEqualTo(DiscoveryTrust.SRV_SECURE);
        assertThat(c.needsConfirmation()).isFalse();
        assertThat(c.host()).isEqualTo("mx.provider.net");
        assertThat(c.mode()).isEqualTo(TransportMode.IMPLICIT);
        assertThat(c.label()).isEqualTo(ServiceLabel.IMAPS);
        assertThat(c.referenceIdentifiers().ids()).containsExactly(DnsId.of("mx.provider.net"), DnsId.of(D),
                new SrvId("imaps", D));
    }

    @Test
    @DisplayName("SRV-07: an insecure target inside D is SRV_INSECURE without confirmation, and a reference id")
    void insecureInsideDomain() {
        publishAll(D, "imap.mail.example.com", false);
        DiscoveryCandidate c = discover("alice@example.com").candidates(MailProtocol.IMAP).get(0);
        assertThat(c.trust()).isEqualTo(DiscoveryTrust.SRV_INSECURE);
        assertThat(c.needsConfirmation()).isFalse();
        assertThat(c.referenceIdentifiers().ids()).contains(DnsId.of("imap.mail.example.com"));
    }

    @Test
    @DisplayName("SRV-07/ID-08: an insecure target outside D needs confirmation and is not a reference id until then")
    void insecureOutsideDomain() {
        publishAll(D, "mx.provider.net", false);
        DiscoveryResult r = discover("alice@example.com");
        assertThat(r.needsConfirmation()).isTrue();
        DiscoveryCandidate c = r.candidates(MailProtocol.SUBMISSION).get(0);
        assertThat(c.trust()).isEqualTo(DiscoveryTrust.SRV_INSECURE);
        assertThat(c.needsConfirmation()).isTrue();
        assertThat(c.referenceIdentifiers().ids()).containsExactly(DnsId.of(D), new SrvId("submissions", D));
        DiscoveryCandidate confirmed = c.confirmed();
        assertThat(confirmed.needsConfirmation()).isFalse();
        assertThat(confirmed.referenceIdentifiers().ids()).containsExactly(DnsId.of("mx.provider.net"), DnsId.of(D),
                new SrvId("submissions", D));
    }

    @Test
    @DisplayName("SRV-04: a lone '.' target removes the service; 587 is never a candidate")
    void dotTarget() {
        publishAll(D, "mail.example.com", true);
        dns.answer("_submission._tcp." + D, DnsRecordType.SRV, TestDnsAnswer.of(TestDnsRdata.srv(0, 0, 0, "."))
                .authenticated());
        DiscoveryResult r = discover("alice@example.com");
        assertThat(r.labels().get(ServiceLabel.SUBMISSION).state()).isEqualTo(LabelLookup.State.NOT_PROVIDED);
        assertThat(r.candidates(MailProtocol.SUBMISSION)).extracting(DiscoveryCandidate::port).containsExactly(465);
        assertThat(r.candidates().values()).allSatisfy(list -> assertThat(list)
                .noneMatch(c -> c.port() == 587));
        assertThat(dns.queries()).noneMatch(q -> q.type() != DnsRecordType.SRV);
    }

    @Test
    @DisplayName("SRV-04: both submission labels '.', as at nosubmission.example.test: no submission candidate")
    void noSubmission() {
        publishAll(D, "mail.example.com", true);
        for (String label : List.of("_submission", "_submissions")) {
            dns.answer(label + "._tcp." + D, DnsRecordType.SRV, TestDnsAnswer.of(TestDnsRdata.srv(0, 0, 0, "."))
                    .authenticated());
        }
        DiscoveryResult r = discover("alice@example.com");
        assertThat(r.candidates(MailProtocol.SUBMISSION)).isEmpty();
        assertThat(r.failed(MailProtocol.SUBMISSION)).isFalse();
        assertThat(r.candidates(MailProtocol.IMAP)).hasSize(2);
    }

    @Test
    @DisplayName("SRV-10: _imaps and _imap at equal priority: 993 first")
    void equalPriority() {
        publish("_imap", D, 0, 143, "mail.example.com", true);
        publish("_imaps", D, 0, 993, "mail.example.com", true);
        assertThat(discover("alice@example.com").candidates(MailProtocol.IMAP)).extracting(DiscoveryCandidate::port)
                .containsExactly(993, 143);
    }

    @Test
    @DisplayName("SRV-10: provider priorities compare across labels; STRICT puts Implicit TLS first anyway")
    void crossLabelPriorities() {
        publish("_imap", D, 0, 143, "mail.example.com", true);
        publish("_imaps", D, 10, 993, "mail.example.com", true);
        assertThat(discover("alice@example.com").candidates(MailProtocol.IMAP)).extracting(DiscoveryCandidate::port)
                .containsExactly(143, 993);
        AccountDiscovery strict = AccountDiscovery.create(lookup, DiscoveryOptions.builder()
                .preference(ImplicitTlsPreference.STRICT).build(), new SplittableRandom(1));
        assertThat(await(strict, "alice@example.com").candidates(MailProtocol.IMAP))
                .extracting(DiscoveryCandidate::port).containsExactly(993, 143);
    }

    @Test
    @DisplayName("SRV-03: with a fixed seed, equal-priority targets come out in the same order every time")
    void seededOrder() {
        dns.answer("_imaps._tcp." + D, DnsRecordType.SRV, TestDnsAnswer.of(TestDnsRdata.srv(0, 10, 993, "a.example.com"),
                TestDnsRdata.srv(0, 20, 993, "b.example.com"), TestDnsRdata.srv(0, 30, 993, "c.example.com"),
                TestDnsRdata.srv(0, 40, 993, "d.example.com")).authenticated());
        List<String> first = null;
        for (int i = 0; i < 5; i++) {
            AccountDiscovery seeded = AccountDiscovery.create(lookup, DiscoveryOptions.defaults(),
                    new SplittableRandom(2782));
            List<String> order = await(seeded, "alice@example.com").candidates(MailProtocol.IMAP).stream()
                    .map(DiscoveryCandidate::host).toList();
            if (first == null) {
                first = order;
            }
            assertThat(order).isEqualTo(first).hasSize(4);
        }
    }

    @Test
    @DisplayName("SRV-11: a bogus label aborts its protocol with zero candidates and says why; others go on")
    void bogusLabel() {
        publishAll(D, "mail.example.com", true);
        dns.answer("_imaps._tcp." + D, DnsRecordType.SRV, TestDnsAnswer.of(TestDnsRdata.srv(0, 1, 993,
                "evil.example.net")).bogus());
        DiscoveryResult r = discover("alice@example.com");
        assertThat(r.candidates(MailProtocol.IMAP)).isEmpty();
        assertThat(r.failed(MailProtocol.IMAP)).isTrue();
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.label()).isEqualTo(ServiceLabel.IMAPS);
            assertThat(f.status()).isEqualTo(DnssecStatus.BOGUS);
            assertThat(f.detail()).contains("DNSSEC validation failed").contains("_imaps._tcp.example.com");
        });
        assertThat(r.candidates(MailProtocol.POP3)).hasSize(2);
        assertThat(r.mayRequerySrv(MailProtocol.IMAP)).isFalse();
        assertThat(dns.queries()).noneMatch(q -> q.type() != DnsRecordType.SRV);
    }

    @Test
    @DisplayName("SRV-11: a label that never answers is INDETERMINATE within its own timeout")
    void silentLabel() {
        publishAll(D, "mail.example.com", true);
        dns.answer("_pop3._tcp." + D, DnsRecordType.SRV, TestDnsAnswer.silence());
        AccountDiscovery quick = AccountDiscovery.create(lookup, DiscoveryOptions.builder()
                .labelTimeout(Duration.ofMillis(300)).build());
        long start = System.nanoTime();
        DiscoveryResult r = await(quick, "alice@example.com");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(r.candidates(MailProtocol.POP3)).isEmpty();
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.label()).isEqualTo(ServiceLabel.POP3);
            assertThat(f.status()).isEqualTo(DnssecStatus.INDETERMINATE);
            assertThat(f.detail()).contains("within 300 ms");
        });
        assertThat(r.candidates(MailProtocol.IMAP)).hasSize(2);
    }

    @Test
    @DisplayName("SRV-08: SRV may be re-queried on connect only when the protocol's labels were SECURE")
    void requery() {
        publishAll(D, "mail.example.com", true);
        publishAll("insecure.example", "mail.insecure.example", false);
        assertThat(discover("alice@example.com").mayRequerySrv(MailProtocol.IMAP)).isTrue();
        DiscoveryResult insecure = discover("bob@insecure.example");
        assertThat(insecure.candidates(MailProtocol.IMAP)).hasSize(2);
        assertThat(insecure.mayRequerySrv(MailProtocol.IMAP)).isFalse();
        publish("_imaps", "mixed.example", 0, 993, "mail.mixed.example", true);
        dns.answer("_imap._tcp.mixed.example", DnsRecordType.SRV, TestDnsAnswer.nxdomain());
        DiscoveryResult mixed = discover("carol@mixed.example");
        assertThat(mixed.candidates(MailProtocol.IMAP)).hasSize(1);
        assertThat(mixed.mayRequerySrv(MailProtocol.IMAP)).as("an unsigned denial next to a secure label").isFalse();
    }

    @Test
    @DisplayName("a domain with no SRV records gives an empty result, not an error, and no guessed host")
    void nothingPublished() {
        DiscoveryResult r = discover("alice@example.com");
        assertThat(r.candidates().values()).allSatisfy(l -> assertThat(l).isEmpty());
        assertThat(r.labels().values()).allSatisfy(l -> assertThat(l.state()).isEqualTo(LabelLookup.State.ABSENT));
        assertThat(r.failures()).isEmpty();
    }

    @Test
    @DisplayName("an address without a valid domain is an IllegalArgumentException, and nothing is queried")
    void badAddress() {
        AccountDiscovery discovery = AccountDiscovery.create(lookup);
        for (String bad : List.of("alice", "alice@", "@example.com", "alice@exa mple.com")) {
            discovery.discover(bad).as(StepVerifier::create).expectError(IllegalArgumentException.class).verify(WAIT);
        }
        assertThat(dns.queries()).isEmpty();
    }

    @Test
    @DisplayName("the result is a plain value: equal results compare equal, and it is immutable")
    void plainValue() {
        publishAll(D, "mail.example.com", true);
        AccountDiscovery seeded = AccountDiscovery.create(lookup, DiscoveryOptions.defaults(), new SplittableRandom(3));
        DiscoveryResult a = await(seeded, "alice@example.com");
        DiscoveryResult b = new DiscoveryResult(a.domain(), a.candidates(), a.labels());
        assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.candidates(MailProtocol.IMAP).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("SRV-11: a lookup that errors or throws fails only its label, as INDETERMINATE")
    void erroringLookup() {
        DnsLookup broken = new DnsLookup() {
            @Override
            public Mono<DnsAnswer<SrvRecord>> srv(String name) {
                if (name.startsWith("_pop3s.")) {
                    throw new IllegalStateException("boom");
                }
                return name.startsWith("_imap.") ? Mono.error(new IllegalStateException("bang"))
                        : Mono.just(new DnsAnswer<>(name, List.of(), DnsAnswer.Outcome.NXDOMAIN, DnssecStatus.SECURE,
                                Duration.ofSeconds(60)));
            }

            @Override
            public Mono<DnsAnswer<TlsaRecord>> tlsa(String name) {
                return Mono.error(new UnsupportedOperationException());
            }

            @Override
            public Mono<DnsAnswer<InetAddress>> addresses(String host) {
                return Mono.error(new UnsupportedOperationException());
            }
        };
        DiscoveryResult r = await(AccountDiscovery.create(broken), "alice@example.com");
        assertThat(r.failures()).extracting(LabelLookup::label).containsExactly(ServiceLabel.IMAP, ServiceLabel.POP3S);
        assertThat(r.failures()).allSatisfy(f -> assertThat(f.status()).isEqualTo(DnssecStatus.INDETERMINATE));
        assertThat(r.failed(MailProtocol.SUBMISSION)).isFalse();
        assertThat(r.mayRequerySrv(MailProtocol.SUBMISSION)).isTrue();
    }

    private DiscoveryResult discover(String address) {
        return await(AccountDiscovery.create(lookup, DiscoveryOptions.defaults(), new SplittableRandom(1)), address);
    }

    private static DiscoveryResult await(AccountDiscovery discovery, String address) {
        AtomicReference<DiscoveryResult> out = new AtomicReference<>();
        discovery.discover(address).as(StepVerifier::create).consumeNextWith(out::set).expectComplete().verify(WAIT);
        return out.get();
    }

    private void publishAll(String domain, String target, boolean secure) {
        publish("_imaps", domain, 0, 993, target, secure);
        publish("_imap", domain, 0, 143, target, secure);
        publish("_pop3s", domain, 0, 995, target, secure);
        publish("_pop3", domain, 0, 110, target, secure);
        publish("_submissions", domain, 0, 465, target, secure);
        publish("_submission", domain, 0, 587, target, secure);
    }

    private void publish(String label, String domain, int priority, int port, String target, boolean secure) {
        TestDnsAnswer a = TestDnsAnswer.of(TestDnsRdata.srv(priority, 1, port, target));
        dns.answer(label + "._tcp." + domain, DnsRecordType.SRV, secure ? a.authenticated() : a);
    }
}
