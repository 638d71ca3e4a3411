package io.deepmail.probe.internal;

import io.deepmail.core.Account;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.connect.Candidate;
import io.deepmail.core.connect.ConnectOptions;
import io.deepmail.core.connect.MailConnector;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.discovery.AccountDiscovery;
import io.deepmail.core.discovery.DiscoveryCandidate;
import io.deepmail.core.discovery.DiscoveryOptions;
import io.deepmail.core.discovery.DiscoveryResult;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.transport.MailTransport;
import io.deepmail.probe.EndpointProbe;
import io.deepmail.probe.ProbeReport;
import io.deepmail.probe.ProbeVerdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One probe of one query: discovery through the core, then every candidate on its own, bounded.
 * Lives as long as the DNS lookup it was given.
 */
public final class ProbeRun {

    private final String query;
    private final Account account;
    private final AccountDiscovery discovery;
    private final EndpointProber prober;
    private final int concurrency;

    /**
     * A run for one query.
     *
     * @param query an email address or a domain
     * @param transport the transport, with the probe's TLS options and metrics
     * @param lookup the DNS lookup for discovery, addresses and TLSA
     * @param discoveryOptions the discovery options
     * @param timeout the per-endpoint timeout
     * @param concurrency how many endpoints at once
     * @throws IllegalArgumentException when the query is neither an email address nor a domain
     */
    public ProbeRun(String query, MailTransport transport, DnsLookup lookup, DiscoveryOptions discoveryOptions,
            Duration timeout, int concurrency) {
        this.query = query;
        this.account = ProbeAccount.of(query);
        this.discovery = AccountDiscovery.create(lookup, discoveryOptions);
        MailConnector connector = MailConnector.create(transport).dns(lookup)
                .options(ConnectOptions.defaults().withAttemptTimeout(timeout));
        this.prober = new EndpointProber(connector, new Dialects(transport, account), timeout);
        this.concurrency = concurrency;
    }

    /**
     * RFC 6186 discovery for the query's domain.
     *
     * @return the result
     */
    public Mono<DiscoveryResult> discover() {
        return discovery.discover(account.address());
    }

    /**
     * Probes every candidate of the result: IMAP, POP3, Submission, each in discovery order.
     *
     * @param result the discovery result
     * @return one probe per candidate
     */
    public Flux<EndpointProbe> endpoints(DiscoveryResult result) {
        List<Job> jobs = new ArrayList<>();
        for (MailProtocol protocol : List.of(MailProtocol.IMAP, MailProtocol.POP3, MailProtocol.SUBMISSION)) {
            List<DiscoveryCandidate> found = result.candidates(protocol);
            List<Candidate> targets = Targets.discovered(result, protocol).candidates();
            for (int i = 0; i < found.size(); i++) {
                jobs.add(new Job(found.get(i), targets.get(i)));
            }
        }
        return Flux.fromIterable(jobs).flatMapSequential(j -> prober.probe(account, j.found(), j.target()),
                concurrency);
    }

    /**
     * Discovery, every candidate, and the report.
     *
     * @return the report
     */
    public Mono<ProbeReport> report() {
        long start = System.nanoTime();
        return discover().flatMap(result -> endpoints(result).collectList()
                .map(probes -> new ProbeReport(query, result.domain(), probes,
                        result.failures().stream().map(f -> f.label() + ": " + f.detail()).toList(),
                        Duration.ofNanos(System.nanoTime() - start).toMillis(),
                        ProbeVerdict.overall(probes.stream().map(EndpointProbe::verdict).toList()))));
    }

    private record Job(DiscoveryCandidate found, Candidate target) {
    }
}
