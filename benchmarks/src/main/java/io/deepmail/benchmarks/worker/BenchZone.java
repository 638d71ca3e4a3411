package io.deepmail.benchmarks.worker;

import io.deepmail.benchmarks.common.BenchPki;
import io.deepmail.core.discovery.ServiceLabel;
import io.deepmail.core.testkit.TestDnsAnswer;
import io.deepmail.core.testkit.TestDnsRdata;
import io.deepmail.core.testkit.TestDnsServer;
import io.deepmail.core.testkit.Tlsa;
import io.netty.handler.codec.dns.DnsRecordType;
import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * The B4 zone on an in-process {@link TestDnsServer}: SRV for {@code _imaps._tcp} and
 * {@code _imap._tcp} of the account's domain, A (and an empty AAAA) for the benchmark host, and a
 * DANE-EE TLSA record for each port; every answer marked AD and delayed by the resolver delay.
 */
final class BenchZone {

    static final String DOMAIN = "bench.test";

    private BenchZone() {
    }

    static TestDnsServer start(int implicitPort, int startTlsPort, X509Certificate leaf, Duration delay) {
        TestDnsServer dns = TestDnsServer.start();
        String host = BenchPki.HOST;
        dns.answer(host, DnsRecordType.A, TestDnsAnswer.of(TestDnsRdata.address("127.0.0.1")).authenticated().delayed(delay));
        dns.answer(host, DnsRecordType.AAAA, TestDnsAnswer.nodata().authenticated().delayed(delay));
        publish(dns, ServiceLabel.IMAPS, implicitPort, leaf, delay);
        publish(dns, ServiceLabel.IMAP, startTlsPort, leaf, delay);
        return dns;
    }

    private static void publish(TestDnsServer dns, ServiceLabel label, int port, X509Certificate leaf, Duration delay) {
        dns.answer(label.ownerName(DOMAIN), DnsRecordType.SRV,
                TestDnsAnswer.of(TestDnsRdata.srv(0, 1, port, BenchPki.HOST)).authenticated().delayed(delay));
        dns.answer("_" + port + "._tcp." + BenchPki.HOST, DnsRecordType.TLSA,
                TestDnsAnswer.of(TestDnsRdata.tlsa(3, 1, 1, Tlsa.data(1, 1, leaf))).authenticated().delayed(delay));
    }
}
