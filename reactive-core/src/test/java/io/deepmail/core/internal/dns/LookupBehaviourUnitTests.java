package io.deepmail.core.internal.dns;

import static io.deepmail.core.internal.dns.DnsFixture.await;
import static io.deepmail.core.internal.dns.DnsFixture.lookup;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailResources;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnsAnswer.Outcome;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.dns.SrvRecord;
import io.deepmail.core.dns.TlsaRecord;
import io.deepmail.core.testkit.ReceivedDnsQuery;
import io.deepmail.core.testkit.TestDnsAnswer;
import io.deepmail.core.testkit.TestDnsRdata;
import io.deepmail.core.testkit.TestDnsServer;
import io.netty.handler.codec.dns.DnsRecordType;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Timeouts, retries, TCP fallback, caching, address lookups and lifecycle of the Netty lookup. */
class LookupBehaviourUnitTests {

    private static final String NAME = "_imaps._tcp.example.com";
    private static final byte[] SRV = TestDnsRdata.srv(0, 1, 993, "mail.example.com");

    private static MailResources resources;
    private TestDnsServer dns;

    @BeforeAll
    static void loops() {
        resources = MailResources.create();
    }

    @AfterAll
    static void stopLoops() {
        resources.disposeLater().block(DnsFixture.WAIT);
    }

    @BeforeEach
    void start() {
        dns = TestDnsServer.start();
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    @DisplayName("no answer at all: INDETERMINATE within (retries + 1) x the query timeout")
    void timeout() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.silence());
        NettyDnsLookup lookup = lookup(resources, b -> b.queryTimeout(Duration.ofMillis(300)).retries(1), dns);
        try {
            long start = System.nanoTime();
            DnsAnswer<SrvRecord> a = await(lookup.srv(NAME));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(a.status()).isEqualTo(DnssecStatus.INDETERMINATE);
            assertThat(a.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(550)).isLessThan(Duration.ofMillis(1_500));
            assertThat(dns.queries()).hasSize(2);
        } finally {
            lookup.dispose();
        }
    }

    @Test
    @DisplayName("an answer slower than the timeout is not waited for; a faster one is taken")
    void slowAnswers() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(SRV).delayed(Duration.ofMillis(800)));
        dns.answer("_imap._tcp.example.com", DnsRecordType.SRV, TestDnsAnswer.of(SRV).delayed(Duration.ofMillis(100)));
        NettyDnsLookup lookup = lookup(resources, b -> b.queryTimeout(Duration.ofMillis(400)).retries(0), dns);
        try {
            assertThat(await(lookup.srv(NAME)).status()).isEqualTo(DnssecStatus.INDETERMINATE);
            assertThat(await(lookup.srv("_imap._tcp.example.com")).records()).hasSize(1);
        } finally {
            lookup.dispose();
        }
    }

    @Test
    @DisplayName("a retry goes to the next resolver")
    void retryOnNextResolver() {
        TestDnsServer good = TestDnsServer.start();
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.silence());
        good.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(SRV).authenticated());
        NettyDnsLookup lookup = lookup(resources, b -> b.queryTimeout(Duration.ofMillis(300)).retries(1), dns, good);
        try {
            DnsAnswer<SrvRecord> a = await(lookup.srv(NAME));
            assertThat(a.status()).isEqualTo(DnssecStatus.SECURE);
            assertThat(dns.queries()).hasSize(1);
            assertThat(good.queries()).hasSize(1);
        } finally {
            lookup.dispose();
            good.close();
        }
    }

    @Test
    @DisplayName("truncation over UDP: the query is asked again over TCP, which returns the full data")
    void tcpFallback() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(SRV, TestDnsRdata.srv(5, 1, 993, "backup.example.com"))
                .authenticated().truncatedOverUdp());
        NettyDnsLookup lookup = lookup(resources, dns);
        try {
            DnsAnswer<SrvRecord> a = await(lookup.srv(NAME));
            assertThat(a.records()).hasSize(2);
            assertThat(a.status()).isEqualTo(DnssecStatus.SECURE);
            assertThat(dns.queries()).extracting(ReceivedDnsQuery::tcp).containsExactly(false, true);
            assertThat(dns.queries()).allSatisfy(q -> assertThat(q.authenticData() && q.dnssecOk()).isTrue());
        } finally {
            lookup.dispose();
        }
    }

    @Test
    @DisplayName("without TCP fallback a truncated answer is INDETERMINATE, never taken as complete")
    void noTcpFallback() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(SRV).truncatedOverUdp());
        NettyDnsLookup lookup = lookup(resources, b -> b.tcpFallback(false).retries(0), dns);
        try {
            assertThat(await(lookup.srv(NAME)).status()).isEqualTo(DnssecStatus.INDETERMINATE);
            assertThat(dns.queries()).extracting(ReceivedDnsQuery::tcp).containsExactly(false);
        } finally {
            lookup.dispose();
        }
    }

    @Test
    @DisplayName("the cache honours the TTL: no second query before it runs out, one after")
    void cacheHonoursTtl() {
        AtomicLong now = new AtomicLong();
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(SRV).ttl(60).authenticated());
        NettyDnsLookup lookup = lookup(resources, b -> b, now::get, dns);
        try {
            assertThat(await(lookup.srv(NAME)).ttl()).hasSeconds(60);
            now.addAndGet(Duration.ofSeconds(45).toNanos());
            DnsAnswer<SrvRecord> cached = await(lookup.srv(NAME));
            assertThat(cached.ttl()).hasSeconds(15);
            assertThat(cached.status()).isEqualTo(DnssecStatus.SECURE);
            assertThat(dns.queries()).hasSize(1);
            now.addAndGet(Duration.ofSeconds(16).toNanos());
            assertThat(await(lookup.srv(NAME)).ttl()).hasSeconds(60);
            assertThat(dns.queries()).hasSize(2);
        } finally {
            lookup.dispose();
        }
    }

    @Test
    @DisplayName("the cache caps TTLs, keeps denials for the SOA's TTL, never keeps failures, and can be off")
    void cacheLimits() {
        AtomicLong now = new AtomicLong();
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(SRV).ttl(86_400));
        dns.answer("_imap._tcp.example.com", DnsRecordType.SRV, TestDnsAnswer.nxdomain().ttl(30));
        dns.answer("_pop3._tcp.example.com", DnsRecordType.SRV, TestDnsAnswer.of(SRV).bogus());
        NettyDnsLookup lookup = lookup(resources, b -> b.cacheMaxTtl(Duration.ofSeconds(10)), now::get, dns);
        NettyDnsLookup uncached = lookup(resources, b -> b.cache(false), dns);
        try {
            await(lookup.srv(NAME));
            await(lookup.srv("_imap._tcp.example.com"));
            await(lookup.srv("_pop3._tcp.example.com"));
            now.addAndGet(Duration.ofSeconds(5).toNanos());
            await(lookup.srv(NAME));
            await(lookup.srv("_imap._tcp.example.com"));
            await(lookup.srv("_pop3._tcp.example.com"));
            assertThat(dns.queries(NAME, DnsRecordType.SRV)).hasSize(1);
            assertThat(dns.queries("_imap._tcp.example.com", DnsRecordType.SRV)).hasSize(1);
            assertThat(dns.queries("_pop3._tcp.example.com", DnsRecordType.SRV)).hasSize(4);
            now.addAndGet(Duration.ofSeconds(6).toNanos());
            await(lookup.srv(NAME));
            assertThat(dns.queries(NAME, DnsRecordType.SRV)).hasSize(2);
            dns.clearQueries();
            await(uncached.srv(NAME));
            await(uncached.srv(NAME));
            assertThat(dns.queries()).hasSize(2);
        } finally {
            lookup.dispose();
            uncached.dispose();
        }
    }

    @Test
    @DisplayName("TLSA records are parsed from the answer")
    void tlsa() {
        byte[] digest = HexFormat.of().parseHex("8cb0fc6c527506a053f4f14c8464bebbd6dede2738d11468dd953d7d6a3021f1");
        dns.answer("_993._tcp.mail.example.com", DnsRecordType.TLSA,
                TestDnsAnswer.of(TestDnsRdata.tlsa(3, 1, 1, digest), TestDnsRdata.tlsa(2, 1, 1, digest)).authenticated());
        NettyDnsLookup lookup = lookup(resources, dns);
        try {
            DnsAnswer<TlsaRecord> a = await(lookup.tlsa("_993._tcp.mail.example.com"));
            assertThat(a.status()).isEqualTo(DnssecStatus.SECURE);
            assertThat(a.records()).containsExactly(new TlsaRecord(3, 1, 1, digest), new TlsaRecord(2, 1, 1, digest));
        } finally {
            lookup.dispose();
        }
    }

    @Test
    @DisplayName("a compressed SRV target pointing into the question is read")
    void compressedTargetOnTheWire() {
        // Header (12) + question name: "_imaps" at 12, "_tcp" at 19, "example" at 24.
        byte[] rdata = SrvRdataParserUnitTests.concat(new byte[] {0, 0, 0, 1, 3, (byte) 0xe1},
                TestDnsRdata.compressed("mail", 24));
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(rdata));
        NettyDnsLookup lookup = lookup(resources, dns);
        try {
            assertThat(await(lookup.srv(NAME)).records()).containsExactly(new SrvRecord(0, 1, 993, "mail.example.com"));
        } finally {
            lookup.dispose();
        }
    }

    @Test
    @DisplayName("addresses: A and AAAA combined, IPv4 first, status the weaker of the two")
    void addresses() throws Exception {
        dns.answer("mail.example.com", DnsRecordType.A, TestDnsAnswer.of(TestDnsRdata.address("127.0.0.1"))
                .authenticated());
        dns.answer("mail.example.com", DnsRecordType.AAAA, TestDnsAnswer.of(TestDnsRdata.address("::1"))
                .authenticated());
        dns.answer("mixed.example.com", DnsRecordType.A, TestDnsAnswer.of(TestDnsRdata.address("127.0.0.2"))
                .authenticated());
        dns.answer("mixed.example.com", DnsRecordType.AAAA, TestDnsAnswer.nodata());
        dns.answer("broken.example.com", DnsRecordType.A, TestDnsAnswer.of(TestDnsRdata.address("127.0.0.3"))
                .authenticated());
        dns.answer("broken.example.com", DnsRecordType.AAAA, TestDnsAnswer.of(TestDnsRdata.address("::3")).bogus());
        NettyDnsLookup lookup = lookup(resources, dns);
        try {
            DnsAnswer<InetAddress> both = await(lookup.addresses("mail.example.com"));
            assertThat(both.status()).isEqualTo(DnssecStatus.SECURE);
            assertThat(both.records()).containsExactly(InetAddress.getByName("127.0.0.1"),
                    InetAddress.getByName("::1"));
            DnsAnswer<InetAddress> mixed = await(lookup.addresses("mixed.example.com"));
            assertThat(mixed.status()).isEqualTo(DnssecStatus.INSECURE);
            assertThat(mixed.outcome()).isEqualTo(Outcome.DATA);
            DnsAnswer<InetAddress> broken = await(lookup.addresses("broken.example.com"));
            assertThat(broken.status()).isEqualTo(DnssecStatus.BOGUS);
            assertThat(broken.records()).isEmpty();
        } finally {
            lookup.dispose();
        }
    }

    @Test
    @DisplayName("lookups never block: subscribed on a non-blocking thread under BlockHound")
    void nonBlocking() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(SRV).authenticated().truncatedOverUdp());
        dns.answer("_imap._tcp.example.com", DnsRecordType.SRV, TestDnsAnswer.of(SRV).bogus());
        NettyDnsLookup lookup = lookup(resources, dns);
        try {
            Mono.delay(Duration.ofMillis(1), Schedulers.parallel())
                    .flatMap(x -> Mono.zip(lookup.srv(NAME), lookup.srv("_imap._tcp.example.com"),
                            lookup.addresses("mail.example.com")))
                    .as(StepVerifier::create)
                    .assertNext(t -> {
                        assertThat(t.getT1().status()).isEqualTo(DnssecStatus.SECURE);
                        assertThat(t.getT2().status()).isEqualTo(DnssecStatus.BOGUS);
                        assertThat(t.getT3().outcome()).isEqualTo(Outcome.NXDOMAIN);
                    })
                    .expectComplete()
                    .verify(DnsFixture.WAIT);
        } finally {
            lookup.dispose();
        }
    }

    @Test
    @DisplayName("an invalid name is an IllegalArgumentException; names are normalised")
    void names() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(SRV));
        NettyDnsLookup lookup = lookup(resources, dns);
        try {
            lookup.srv("bad..name").as(StepVerifier::create).expectError(IllegalArgumentException.class)
                    .verify(DnsFixture.WAIT);
            lookup.srv("a b.example").as(StepVerifier::create).expectError(IllegalArgumentException.class)
                    .verify(DnsFixture.WAIT);
            DnsAnswer<SrvRecord> a = await(lookup.srv("_IMAPS._tcp.Example.com."));
            assertThat(a.name()).isEqualTo(NAME);
            assertThat(a.records()).hasSize(1);
        } finally {
            lookup.dispose();
        }
    }

    @Test
    @DisplayName("cancelling a lookup is clean, and a disposed lookup answers INDETERMINATE without sending")
    void cancelAndDispose() throws InterruptedException {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(SRV).delayed(Duration.ofMillis(200)));
        NettyDnsLookup lookup = lookup(resources, dns);
        AtomicLong emitted = new AtomicLong();
        Disposable subscription = lookup.srv(NAME).subscribe(a -> emitted.incrementAndGet());
        long deadline = System.nanoTime() + DnsFixture.WAIT.toNanos();
        while (dns.queries().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        subscription.dispose();
        Thread.sleep(400);
        assertThat(emitted).hasValue(0);
        lookup.dispose();
        dns.clearQueries();
        assertThat(lookup.isDisposed()).isTrue();
        assertThat(await(lookup.srv(NAME)).status()).isEqualTo(DnssecStatus.INDETERMINATE);
        assertThat(dns.queries()).isEmpty();
    }
}
