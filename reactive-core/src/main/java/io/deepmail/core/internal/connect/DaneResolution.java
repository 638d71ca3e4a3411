package io.deepmail.core.internal.connect;

import io.deepmail.core.DnssecBogusException;
import io.deepmail.core.connect.Candidate;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnssecStatus;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The DNS half of DANE for one candidate (REQUIREMENTS §7.1): the host's A/AAAA records, then —
 * only when they are DNSSEC-secure — the TLSA records at {@code _<port>._tcp.<host>} (DANE-01,
 * DANE-02). A bogus or indeterminate address answer fails that target before any TCP connect
 * (DANE-03); a bogus TLSA answer is passed on, and the transport refuses it the same way.
 */
public final class DaneResolution {

    private DaneResolution() {
    }

    /**
     * Resolves a candidate.
     *
     * @param dns the lookup
     * @param candidate the candidate
     * @return its addresses and TLSA answer
     */
    public static Mono<Resolved> resolve(DnsLookup dns, Candidate candidate) {
        String host = candidate.endpoint().host();
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(host);
        if (literal != null) {
            return Mono.fromCallable(() -> new Resolved(List.of(InetAddress.getByAddress(host, literal)), null));
        }
        return dns.addresses(host).flatMap(addresses -> {
            if (!addresses.status().usable()) {
                return Mono.error(new DnssecBogusException("the address records of " + host + " are "
                        + addresses.status() + "; that target is skipped (RFC 7673 §3.2)"));
            }
            if (addresses.outcome() != DnsAnswer.Outcome.DATA) {
                return Mono.error(new UnknownHostException(host + ": " + addresses.outcome()));
            }
            if (addresses.status() != DnssecStatus.SECURE) {
                return Mono.just(new Resolved(addresses.records(), null));
            }
            String owner = "_" + candidate.endpoint().port() + "._tcp." + host;
            return dns.tlsa(owner).map(tlsa -> new Resolved(addresses.records(), tlsa));
        });
    }
}
