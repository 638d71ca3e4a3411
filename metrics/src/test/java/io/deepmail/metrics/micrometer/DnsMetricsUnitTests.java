package io.deepmail.metrics.micrometer;

import static io.deepmail.metrics.micrometer.Fixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnsOptions;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.TestDnsAnswer;
import io.deepmail.core.testkit.TestDnsRdata;
import io.deepmail.core.testkit.TestDnsServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.codec.dns.DnsRecordType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** DNS lookups against the test kit's DNS server on loopback move the lookup timer by type and status. */
class DnsMetricsUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();
    private static final byte[] SRV = TestDnsRdata.srv(0, 1, 993, "mail.example.com");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMailClientMetricsRecorder recorder = MicrometerMailClientMetricsRecorder.create(registry);
    private final TestDnsServer dns = TestDnsServer.start();
    private final DnsLookup lookup = DnsLookup.create(RESOURCES.get(), DnsOptions.builder()
            .resolvers(List.of(dns.address())).queryTimeout(Duration.ofSeconds(2)).build(), recorder);

    @AfterEach
    void stop() {
        lookup.dispose();
        dns.close();
    }

    private long lookups(String type, String status, String outcome) {
        var timer = registry.find(MailMeterNames.DNS_LOOKUP_DURATION).tag("type", type).tag("status", status)
                .tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    @DisplayName("secure, insecure and bogus answers each count under their DNSSEC status; cache hits do not count")
    void statuses() {
        dns.answer("_imaps._tcp.secure.example", DnsRecordType.SRV, TestDnsAnswer.of(SRV).authenticated());
        dns.answer("_imaps._tcp.plain.example", DnsRecordType.SRV, TestDnsAnswer.of(SRV));
        dns.answer("_993._tcp.bogus.example", DnsRecordType.TLSA,
                TestDnsAnswer.of(TestDnsRdata.tlsa(3, 1, 1, new byte[32])).bogus());
        lookup.srv("_imaps._tcp.secure.example").map(DnsAnswer::status).as(StepVerifier::create)
                .expectNext(DnssecStatus.SECURE).expectComplete().verify(WAIT);
        lookup.srv("_imaps._tcp.secure.example").map(DnsAnswer::status).as(StepVerifier::create)
                .expectNext(DnssecStatus.SECURE).expectComplete().verify(WAIT);
        lookup.srv("_imaps._tcp.plain.example").map(DnsAnswer::status).as(StepVerifier::create)
                .expectNext(DnssecStatus.INSECURE).expectComplete().verify(WAIT);
        lookup.tlsa("_993._tcp.bogus.example").map(DnsAnswer::status).as(StepVerifier::create)
                .expectNext(DnssecStatus.BOGUS).expectComplete().verify(WAIT);

        assertThat(lookups("SRV", "secure", "data")).isEqualTo(1);
        assertThat(lookups("SRV", "insecure", "data")).isEqualTo(1);
        assertThat(lookups("TLSA", "bogus", "failed")).isEqualTo(1);
        assertThat(registry.get(MailMeterNames.DNS_LOOKUP_DURATION).timers()).hasSize(3);
    }

    @Test
    @DisplayName("address lookups count A and AAAA separately")
    void addresses() {
        dns.answer("mail.example", DnsRecordType.A, TestDnsAnswer.of(TestDnsRdata.address("192.0.2.1")));
        dns.answer("mail.example", DnsRecordType.AAAA, TestDnsAnswer.nodata());
        lookup.addresses("mail.example").as(StepVerifier::create).expectNextCount(1).expectComplete().verify(WAIT);
        assertThat(lookups("A", "insecure", "data")).isEqualTo(1);
        assertThat(lookups("AAAA", "insecure", "nodata")).isEqualTo(1);
    }
}
