package io.deepmail.cli;

import io.deepmail.core.Account;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.connect.ConnectOptions;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.discovery.AccountDiscovery;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnsOptions;
import io.deepmail.core.latch.LatchService;
import io.deepmail.core.latch.LatchStore;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import io.deepmail.imap.ImapClient;
import io.deepmail.metrics.micrometer.MicrometerMailClientMetricsRecorder;
import io.deepmail.pop3.Pop3Client;
import io.deepmail.pop3.Pop3Session;
import io.deepmail.submission.SubmissionClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What every command connects with, built in one place: shared event loops, a transport trusting
 * the given anchors and instrumented with the Micrometer recorder on a {@link SimpleMeterRegistry},
 * a {@link SessionLog}, and optionally a DNS lookup (for discovery, DNSSEC and DANE) and a latch
 * service. Closing it disposes everything it created; a latch store passed in stays the caller's.
 */
public final class ClientKit implements AutoCloseable {

    /** How long a command waits for one network step before giving up. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final MailResources resources;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMailClientMetricsRecorder recorder = MicrometerMailClientMetricsRecorder.create(registry);
    private final SessionLog log = new SessionLog();
    private final MailTransport transport;
    private final @Nullable DnsLookup dns;
    private final @Nullable LatchService latches;
    private final ConnectOptions connect;

    private ClientKit(TrustAnchors anchors, @Nullable InetSocketAddress resolver, @Nullable LatchStore store,
            ConnectOptions connect) {
        this.connect = connect;
        this.resources = MailResources.create();
        this.transport = recorder.instrument(MailTransport.create(resources)
                .tls(TlsOptions.builder().trustAnchors(anchors).build())).observe(log);
        this.dns = resolver == null ? null : DnsLookup.create(resources,
                DnsOptions.builder().resolvers(List.of(resolver)).queryTimeout(Duration.ofSeconds(3)).build(),
                recorder);
        this.latches = store == null ? null
                : recorder.instrument(LatchService.create(store).observe(log));
    }

    /**
     * Builds a kit.
     *
     * @param anchors the trust anchors for PKIX
     * @param resolver the trusted DNS resolver, or {@code null} for no DNS (manual hosts only)
     * @param store the latch store, or {@code null} for no latch gate
     * @return the kit
     */
    public static ClientKit create(TrustAnchors anchors, @Nullable InetSocketAddress resolver,
            @Nullable LatchStore store) {
        return create(anchors, resolver, store, ConnectOptions.defaults());
    }

    /**
     * Builds a kit whose clients race with other connect options (head start, attempt timeout).
     *
     * @param anchors the trust anchors for PKIX
     * @param resolver the trusted DNS resolver, or {@code null}
     * @param store the latch store, or {@code null}
     * @param connect the connect options
     * @return the kit
     */
    public static ClientKit create(TrustAnchors anchors, @Nullable InetSocketAddress resolver,
            @Nullable LatchStore store, ConnectOptions connect) {
        return new ClientKit(anchors, resolver, store, connect);
    }

    /**
     * The instrumented transport.
     *
     * @return the transport
     */
    public MailTransport transport() {
        return transport;
    }

    /**
     * The DNS lookup, if a resolver was given.
     *
     * @return the lookup, or {@code null}
     */
    public @Nullable DnsLookup dns() {
        return dns;
    }

    /**
     * The latch service, if a store was given.
     *
     * @return the service, or {@code null}
     */
    public @Nullable LatchService latches() {
        return latches;
    }

    /**
     * RFC 6186 discovery through the DNS lookup.
     *
     * @return the discovery
     * @throws IllegalStateException without a resolver
     */
    public AccountDiscovery discovery() {
        return AccountDiscovery.create(requireDns());
    }

    /**
     * The targets RFC 6186 discovery finds for an account and protocol.
     *
     * @param account the account
     * @param protocol the protocol
     * @return the discovered candidates, in connect order
     */
    public Targets discover(Account account, MailProtocol protocol) {
        return Targets.discovered(Objects.requireNonNull(discovery().discover(account.address()).block(WAIT),
                "discovery"), protocol);
    }

    private DnsLookup requireDns() {
        DnsLookup lookup = dns;
        if (lookup == null) {
            throw new IllegalStateException("this needs a DNS resolver (--resolver host:port)");
        }
        return lookup;
    }

    /**
     * An IMAP client with DNS (discovery, DANE) and the latch gate when configured.
     *
     * @return the client
     */
    public ImapClient imap() {
        ImapClient client = ImapClient.create(transport).connectOptions(connect);
        client = latches != null ? client.latches(latches) : client;
        return dns != null ? client.dns(dns) : client;
    }

    /**
     * A POP3 client with DNS (discovery, DANE) and the latch gate when configured.
     *
     * @return the client
     */
    public Pop3Client pop3() {
        Pop3Client client = Pop3Client.create(transport).connectOptions(connect);
        client = latches != null ? client.latches(latches) : client;
        return dns != null ? client.dns(dns) : client;
    }

    /**
     * Connects a POP3 session (greeted, inside TLS, latches checked; not yet authenticated).
     *
     * @param account the account
     * @param targets the candidates
     * @return the session
     */
    public Mono<Pop3Session> pop3(Account account, Targets targets) {
        return pop3().connect(account, targets);
    }

    /**
     * A Submission client with DNS (DANE) and the latch gate when configured.
     *
     * @return the client
     */
    public SubmissionClient submission() {
        SubmissionClient client = SubmissionClient.create(transport).connectOptions(connect);
        client = latches != null ? client.latches(latches) : client;
        return dns != null ? client.dns(dns) : client;
    }

    /**
     * The recorder's registry.
     *
     * @return the registry
     */
    public SimpleMeterRegistry registry() {
        return registry;
    }

    /**
     * The session and latch events seen so far.
     *
     * @return the log
     */
    public SessionLog log() {
        return log;
    }

    @Override
    public void close() {
        DnsLookup lookup = dns;
        if (lookup != null) {
            lookup.dispose();
        }
        resources.disposeLater().block(WAIT);
    }
}
