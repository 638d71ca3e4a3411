package io.deepmail.core.dns;

import io.deepmail.core.MailResources;
import io.deepmail.core.internal.dns.NettyDnsLookup;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import java.net.InetAddress;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Asynchronous DNS lookups that report their DNSSEC status (REQUIREMENTS §7.2). The narrow
 * interface the discovery and DANE code depend on; tests put a stub behind it.
 *
 * <p>Every returned {@link Mono} emits exactly one {@link DnsAnswer} and never an error for a DNS
 * failure: a lookup that times out, is refused, meets a network error or malformed data is a
 * {@link DnsAnswer.Outcome#FAILED FAILED} answer with status {@link DnssecStatus#INDETERMINATE},
 * and one that fails DNSSEC validation is FAILED with {@link DnssecStatus#BOGUS}. Only an invalid
 * name is an {@link IllegalArgumentException}. Nothing blocks.
 *
 * <pre>{@code
 * DnsLookup dns = DnsLookup.create(resources, DnsOptions.defaults());
 * dns.srv("_imaps._tcp.example.com").subscribe(answer -> ...);
 * }</pre>
 *
 * @since 0.1
 */
public interface DnsLookup extends Disposable {

    /**
     * A lookup on Netty's DNS resolver, running on the given event loops. It sends the DO and AD
     * bits, believes AD only from {@link DnsOptions#trustedResolvers()}, asks a SERVFAIL again with
     * CD set to tell BOGUS from INDETERMINATE, caches by TTL and retries over TCP after truncation.
     * Create it outside an event loop: with no resolvers configured it reads the platform's
     * configuration once. Dispose it when done.
     *
     * @param resources the event loops to share
     * @param options the resolvers, trust and timeouts
     * @return the lookup
     * @throws IllegalStateException when no resolver is configured and the platform names none
     */
    static DnsLookup create(MailResources resources, DnsOptions options) {
        return NettyDnsLookup.create(resources, options);
    }

    /**
     * {@link #create(MailResources, DnsOptions)}, recording every lookup the network answers
     * (record type, DNSSEC status, outcome and time) into {@code metrics}.
     *
     * @param resources the event loops to share
     * @param options the resolvers, trust and timeouts
     * @param metrics the recorder
     * @return the lookup
     * @throws IllegalStateException when no resolver is configured and the platform names none
     */
    static DnsLookup create(MailResources resources, DnsOptions options, MailClientMetricsRecorder metrics) {
        return NettyDnsLookup.create(resources, options, metrics);
    }

    /**
     * SRV records (RFC 2782) at the given owner name, such as {@code _imaps._tcp.example.com}.
     *
     * @param name the owner name
     * @return the answer
     */
    Mono<DnsAnswer<SrvRecord>> srv(String name);

    /**
     * TLSA records (RFC 6698) at the given owner name, such as {@code _993._tcp.mail.example.com}.
     *
     * @param name the owner name
     * @return the answer
     */
    Mono<DnsAnswer<TlsaRecord>> tlsa(String name);

    /**
     * The A and AAAA records of a host, asked in parallel and combined: IPv4 addresses first. The
     * combined status is the weaker of the two (a FAILED half makes the whole answer FAILED, and
     * one INSECURE half makes it INSECURE); the outcome is DATA when either half has records.
     *
     * @param host the host name
     * @return the answer
     */
    Mono<DnsAnswer<InetAddress>> addresses(String host);

    /** Releases the lookup's sockets; the default does nothing. */
    @Override
    default void dispose() {
    }
}
