package io.deepmail.core.interop;

import static io.deepmail.core.interop.Lab.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailResources;
import io.deepmail.core.testkit.LabEnvironment;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the lab's validating resolver (Unbound) says about the secure, insecure, bogus and expired zones. */
class UnboundDnssecIntegrationTests {

    private static MailResources resources;

    @BeforeAll
    static void start() {
        resources = MailResources.create();
    }

    @AfterAll
    static void stop() {
        resources.disposeLater().block(WAIT);
    }

    private static TinyDnsClient resolver(LabEnvironment env) {
        return new TinyDnsClient(resources, new InetSocketAddress(env.get("LAB_DNS_HOST"), env.port("LAB_DNS_PORT")));
    }

    private static TinyDnsClient.Result ask(LabEnvironment env, String name, DnsRecordType type) {
        return resolver(env).query(name, type, true, WAIT).block(WAIT);
    }

    @Test
    @DisplayName("SRV-07/ID-08: the SRV record of example.test is DNSSEC-validated (AD) and points at the IMAPS port")
    void secureSrv() {
        LabEnvironment env = Lab.require().env();
        TinyDnsClient.Result r = ask(env, "_imaps._tcp." + env.get("LAB_DOMAIN"), DnsRecordType.SRV);
        assertThat(r.code()).isEqualTo(DnsResponseCode.NOERROR);
        assertThat(r.authenticData()).as("AD").isTrue();
        assertThat(r.answers(DnsRecordType.SRV)).singleElement()
                .satisfies(srv -> assertThat(srv.srvPort()).isEqualTo(env.port("LAB_IMAPS_PORT")));
        assertThat(r.answers(DnsRecordType.RRSIG)).as("DO=1 brings the signature").isNotEmpty();
    }

    @Test
    @DisplayName("DANE-01/DANE-02: the host's A record and its TLSA record are validated (AD), TLSA as published")
    void secureAddressAndTlsa() {
        LabEnvironment env = Lab.require().env();
        TinyDnsClient.Result a = ask(env, Lab.HOST, DnsRecordType.A);
        assertThat(a.code()).isEqualTo(DnsResponseCode.NOERROR);
        assertThat(a.authenticData()).as("AD").isTrue();
        assertThat(a.answers(DnsRecordType.A)).singleElement()
                .satisfies(rr -> assertThat(rr.data()).containsExactly(127, 0, 0, 1));

        TinyDnsClient.Result tlsa = ask(env, "_" + env.port("LAB_IMAPS_PORT") + "._tcp." + Lab.HOST,
                DnsRecordType.TLSA);
        assertThat(tlsa.code()).isEqualTo(DnsResponseCode.NOERROR);
        assertThat(tlsa.authenticData()).as("AD").isTrue();
        assertThat(tlsa.answers(DnsRecordType.TLSA)).map(rr -> HexFormat.of().formatHex(rr.data()))
                .contains("030101" + env.get("LAB_TLSA_RSA_SPKI_SHA256"),
                        "030101" + env.get("LAB_TLSA_ECDSA_SPKI_SHA256"),
                        "020101" + env.get("LAB_TLSA_CA_SPKI_SHA256"));
    }

    @Test
    @DisplayName("SRV-07: without DO=1 the resolver does not set AD, even for the secure zone")
    void noAdWithoutDnssecOk() {
        LabEnvironment env = Lab.require().env();
        TinyDnsClient.Result r = resolver(env).query("_imaps._tcp." + env.get("LAB_DOMAIN"), DnsRecordType.SRV,
                false, WAIT).block(WAIT);
        assertThat(r.code()).isEqualTo(DnsResponseCode.NOERROR);
        assertThat(r.answers(DnsRecordType.SRV)).hasSize(1);
        assertThat(r.authenticData()).as("AD").isFalse();
    }

    @Test
    @DisplayName("SRV-07/ID-08: the unsigned zone answers, without AD")
    void insecureZoneHasNoAd() {
        LabEnvironment env = Lab.require().env();
        TinyDnsClient.Result r = ask(env, "_imaps._tcp." + env.get("LAB_DOMAIN_INSECURE"), DnsRecordType.SRV);
        assertThat(r.code()).isEqualTo(DnsResponseCode.NOERROR);
        assertThat(r.answers(DnsRecordType.SRV)).singleElement()
                .satisfies(srv -> assertThat(srv.srvPort()).isEqualTo(env.port("LAB_IMAPS_PORT")));
        assertThat(r.authenticData()).as("AD").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"LAB_DOMAIN_BOGUS", "LAB_DOMAIN_EXPIRED"})
    @DisplayName("DANE-03: the zones with corrupted and with expired signatures give SERVFAIL and no data")
    void bogusZonesServfail(String zoneKey) {
        LabEnvironment env = Lab.require().env();
        TinyDnsClient.Result r = ask(env, "_imaps._tcp." + env.get(zoneKey), DnsRecordType.SRV);
        assertThat(r.code()).isEqualTo(DnsResponseCode.SERVFAIL);
        assertThat(r.answers()).isEmpty();
        assertThat(r.authenticData()).as("AD").isFalse();
    }
}
