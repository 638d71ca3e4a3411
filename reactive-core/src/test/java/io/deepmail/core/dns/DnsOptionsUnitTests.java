package io.deepmail.core.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** DnsOptions, AddressRange and the DnsAnswer invariants. */
class DnsOptionsUnitTests {

    @Test
    @DisplayName("defaults: platform resolvers, loopback trusted, finite timeout, cache and TCP fallback on")
    void defaults() {
        DnsOptions o = DnsOptions.defaults();
        assertThat(o.resolvers()).isEmpty();
        assertThat(o.trustedResolvers()).containsExactly(AddressRange.LOOPBACK_V4, AddressRange.LOOPBACK_V6);
        assertThat(o.queryTimeout()).isEqualTo(DnsOptions.DEFAULT_QUERY_TIMEOUT);
        assertThat(o.retries()).isEqualTo(DnsOptions.DEFAULT_RETRIES);
        assertThat(o.cache()).isTrue();
        assertThat(o.tcpFallback()).isTrue();
        assertThat(DnsOptions.builder().build()).isEqualTo(o);
    }

    @Test
    @DisplayName("DANE-11: only loopback resolvers are trusted by default")
    void loopbackTrustedByDefault() throws Exception {
        DnsOptions o = DnsOptions.defaults();
        assertThat(o.trusts(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(o.trusts(InetAddress.getByName("127.0.0.53"))).isTrue();
        assertThat(o.trusts(InetAddress.getByName("::1"))).isTrue();
        assertThat(o.trusts(InetAddress.getByName("192.0.2.53"))).isFalse();
        assertThat(o.trusts(InetAddress.getByName("2001:db8::53"))).isFalse();
        DnsOptions explicit = o.mutate().trustedResolvers(List.of(AddressRange.parse("192.0.2.0/24"))).build();
        assertThat(explicit.trusts(InetAddress.getByName("192.0.2.53"))).isTrue();
        assertThat(explicit.trusts(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(o.trustedResolvers()).hasSize(2);
    }

    @Test
    @DisplayName("mutate and copyOf leave the original unchanged")
    void copyOnWrite() {
        DnsOptions o = DnsOptions.defaults();
        DnsOptions changed = o.mutate().retries(3).cache(false).tcpFallback(false)
                .queryTimeout(Duration.ofMillis(500)).cacheMaxTtl(Duration.ofMinutes(1)).cacheSize(10)
                .resolvers(List.of(new InetSocketAddress("127.0.0.1", 10053))).build();
        assertThat(o).isEqualTo(DnsOptions.defaults());
        assertThat(DnsOptions.copyOf(changed).build()).isEqualTo(changed);
        assertThat(changed.retries()).isEqualTo(3);
    }

    @Test
    @DisplayName("build() rejects infinite or zero timeouts, bad retries, unresolved or portless resolvers")
    void validation() {
        assertThatThrownBy(() -> DnsOptions.builder().queryTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DnsOptions.builder().queryTimeout(Duration.ofHours(1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DnsOptions.builder().retries(-1).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DnsOptions.builder().retries(6).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DnsOptions.builder().cacheSize(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DnsOptions.builder()
                .resolvers(List.of(InetSocketAddress.createUnresolved("dns.example", 53))).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("AddressRange parses CIDR, clears host bits and never mixes families")
    void addressRange() throws Exception {
        AddressRange r = AddressRange.parse("10.1.2.3/8");
        assertThat(r.toString()).isEqualTo("10.0.0.0/8");
        assertThat(r.contains(InetAddress.getByName("10.255.0.1"))).isTrue();
        assertThat(r.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(AddressRange.parse("::1").contains(InetAddress.getByName("::1"))).isTrue();
        assertThat(AddressRange.parse("0.0.0.0/0").contains(InetAddress.getByName("::1"))).isFalse();
        assertThat(AddressRange.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db8:1::5"))).isTrue();
        assertThatThrownBy(() -> AddressRange.parse("example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("127.0.0.1/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("127.0.0.1/x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("DnsAnswer: FAILED carries no records and only BOGUS or INDETERMINATE")
    void failedAnswers() {
        DnsAnswer<SrvRecord> bogus = DnsAnswer.failed("_imaps._tcp.example.com", DnssecStatus.BOGUS);
        assertThat(bogus.usable()).isFalse();
        assertThat(bogus.records()).isEmpty();
        assertThat(bogus.canonicalName()).isEqualTo(bogus.name());
        assertThatThrownBy(() -> DnsAnswer.failed("x.example", DnssecStatus.SECURE))
                .isInstanceOf(IllegalArgumentException.class);
        DnsAnswer<SrvRecord> denial = new DnsAnswer<>("x.example", List.of(), DnsAnswer.Outcome.NXDOMAIN,
                DnssecStatus.SECURE, Duration.ofSeconds(60));
        assertThat(denial.usable()).isTrue();
        assertThat(denial.canonicalName()).isEqualTo("x.example");
    }
}
