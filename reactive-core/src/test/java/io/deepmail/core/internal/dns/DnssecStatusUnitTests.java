package io.deepmail.core.internal.dns;

import static io.deepmail.core.internal.dns.DnsFixture.await;
import static io.deepmail.core.internal.dns.DnsFixture.lookup;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailResources;
import io.deepmail.core.dns.AddressRange;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnsAnswer.Outcome;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.dns.SrvRecord;
import io.deepmail.core.testkit.ReceivedDnsQuery;
import io.deepmail.core.testkit.TestDnsAnswer;
import io.deepmail.core.testkit.TestDnsRdata;
import io.deepmail.core.testkit.TestDnsServer;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How the DNSSEC status of an answer is derived from the resolver's response (REQUIREMENTS §7.2). */
class DnssecStatusUnitTests {

    private static final String NAME = "_imaps._tcp.example.com";
    private static final byte[] SRV = TestDnsRdata.srv(0, 1, 993, "mail.example.com");

    private static MailResources resources;
    private TestDnsServer dns;
    private NettyDnsLookup lookup;

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
        lookup = lookup(resources, dns);
    }

    @AfterEach
    void stop() {
        lookup.dispose();
        dns.close();
    }

    @Test
    @DisplayName("SECURE: AD set by a trusted (loopback) resolver")
    void secure() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(SRV).authenticated());
        DnsAnswer<SrvRecord> a = await(lookup.srv(NAME));
        assertThat(a.status()).isEqualTo(DnssecStatus.SECURE);
        assertThat(a.outcome()).isEqualTo(Outcome.DATA);
        assertThat(a.records()).containsExactly(new SrvRecord(0, 1, 993, "mail.example.com"));
        assertThat(a.ttl()).hasSeconds(300);
        assertThat(a.usable()).isTrue();
    }

    @Test
    @DisplayName("INSECURE: no AD")
    void insecure() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(SRV));
        DnsAnswer<SrvRecord> a = await(lookup.srv(NAME));
        assertThat(a.status()).isEqualTo(DnssecStatus.INSECURE);
        assertThat(a.records()).hasSize(1);
    }

    @Test
    @DisplayName("every query asks for DNSSEC: DO in EDNS0 and AD in the header, RD set, no CD")
    void queriesAskForDnssec() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(SRV).authenticated());
        await(lookup.srv(NAME));
        assertThat(dns.queries()).containsExactly(
                new ReceivedDnsQuery(NAME, DnsRecordType.SRV, false, true, true, false, true));
    }

    @Test
    @DisplayName("DANE-11: AD from a resolver not configured as trusted is ignored (INSECURE)")
    void untrustedResolver() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(SRV).authenticated());
        assertThat(statusTrusting(List.of(AddressRange.parse("192.0.2.0/24")))).isEqualTo(DnssecStatus.INSECURE);
        assertThat(statusTrusting(List.of())).isEqualTo(DnssecStatus.INSECURE);
    }

    @Test
    @DisplayName("DANE-11: the same resolver, explicitly configured as trusted, is honoured (SECURE)")
    void explicitlyTrustedResolver() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(SRV).authenticated());
        assertThat(statusTrusting(List.of(AddressRange.parse("127.0.0.1/32")))).isEqualTo(DnssecStatus.SECURE);
    }

    @Test
    @DisplayName("BOGUS: SERVFAIL, and the same query with CD set returns data; no records are handed out")
    void bogus() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(SRV).bogus());
        DnsAnswer<SrvRecord> a = await(lookup.srv(NAME));
        assertThat(a.status()).isEqualTo(DnssecStatus.BOGUS);
        assertThat(a.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(a.records()).isEmpty();
        assertThat(a.usable()).isFalse();
        assertThat(dns.queries()).extracting(ReceivedDnsQuery::checkingDisabled).containsExactly(false, true);
    }

    @Test
    @DisplayName("INDETERMINATE: SERVFAIL with and without CD")
    void servfailEverywhere() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.code(DnsResponseCode.SERVFAIL));
        DnsAnswer<SrvRecord> a = await(lookup.srv(NAME));
        assertThat(a.status()).isEqualTo(DnssecStatus.INDETERMINATE);
        assertThat(a.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    @DisplayName("INDETERMINATE: REFUSED, after the configured retry")
    void refused() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.code(DnsResponseCode.REFUSED));
        assertThat(await(lookup.srv(NAME)).status()).isEqualTo(DnssecStatus.INDETERMINATE);
        assertThat(dns.queries()).hasSize(2);
    }

    @Test
    @DisplayName("INDETERMINATE: malformed rdata in the answer")
    void malformed() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(new byte[] {0, 1, 2}).authenticated());
        dns.answer("_993._tcp.mail.example.com", DnsRecordType.TLSA, TestDnsAnswer.of(new byte[] {3, 1}));
        assertThat(await(lookup.srv(NAME)).status()).isEqualTo(DnssecStatus.INDETERMINATE);
        assertThat(await(lookup.tlsa("_993._tcp.mail.example.com")).status()).isEqualTo(DnssecStatus.INDETERMINATE);
    }

    @Test
    @DisplayName("NXDOMAIN keeps its status: authenticated denial SECURE, unsigned denial INSECURE")
    void nxdomain() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.nxdomain().authenticated());
        dns.answer("_imap._tcp.example.com", DnsRecordType.SRV, TestDnsAnswer.nxdomain());
        DnsAnswer<SrvRecord> signed = await(lookup.srv(NAME));
        assertThat(signed.outcome()).isEqualTo(Outcome.NXDOMAIN);
        assertThat(signed.status()).isEqualTo(DnssecStatus.SECURE);
        assertThat(signed.usable()).isTrue();
        DnsAnswer<SrvRecord> unsigned = await(lookup.srv("_imap._tcp.example.com"));
        assertThat(unsigned.outcome()).isEqualTo(Outcome.NXDOMAIN);
        assertThat(unsigned.status()).isEqualTo(DnssecStatus.INSECURE);
    }

    @Test
    @DisplayName("NODATA keeps its status, with the negative TTL of the SOA")
    void nodata() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.nodata().ttl(120).authenticated());
        dns.answer("_imap._tcp.example.com", DnsRecordType.SRV, TestDnsAnswer.nodata());
        DnsAnswer<SrvRecord> signed = await(lookup.srv(NAME));
        assertThat(signed.outcome()).isEqualTo(Outcome.NODATA);
        assertThat(signed.status()).isEqualTo(DnssecStatus.SECURE);
        assertThat(signed.ttl()).hasSeconds(120);
        DnsAnswer<SrvRecord> unsigned = await(lookup.srv("_imap._tcp.example.com"));
        assertThat(unsigned.outcome()).isEqualTo(Outcome.NODATA);
        assertThat(unsigned.status()).isEqualTo(DnssecStatus.INSECURE);
    }

    @Test
    @DisplayName("a secure CNAME at the SRV owner is followed; the chain is SECURE and the canonical name noted")
    void secureCnameChain() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.cname("_imaps._tcp.hosting.example").authenticated());
        dns.answer("_imaps._tcp.hosting.example", DnsRecordType.SRV, TestDnsAnswer.of(SRV).authenticated());
        DnsAnswer<SrvRecord> a = await(lookup.srv(NAME));
        assertThat(a.status()).isEqualTo(DnssecStatus.SECURE);
        assertThat(a.name()).isEqualTo(NAME);
        assertThat(a.canonicalName()).isEqualTo("_imaps._tcp.hosting.example");
        assertThat(a.records()).hasSize(1);
    }

    @Test
    @DisplayName("one unsigned link makes the whole CNAME chain INSECURE")
    void insecureCnameChain() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.cname("_imaps._tcp.hosting.example"));
        dns.answer("_imaps._tcp.hosting.example", DnsRecordType.SRV, TestDnsAnswer.of(SRV).authenticated());
        DnsAnswer<SrvRecord> a = await(lookup.srv(NAME));
        assertThat(a.status()).isEqualTo(DnssecStatus.INSECURE);
        assertThat(a.records()).hasSize(1);
    }

    @Test
    @DisplayName("records at owner names outside the CNAME chain are ignored")
    void strayRecordsIgnored() {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.cname("_imaps._tcp.hosting.example").authenticated());
        DnsAnswer<SrvRecord> a = await(lookup.srv(NAME));
        assertThat(a.outcome()).isEqualTo(Outcome.NXDOMAIN);
        assertThat(a.records()).isEmpty();
    }

    private DnssecStatus statusTrusting(List<AddressRange> trusted) {
        NettyDnsLookup l = lookup(resources, b -> b.trustedResolvers(trusted), dns);
        try {
            return await(l.srv(NAME)).status();
        } finally {
            l.dispose();
        }
    }
}
