package io.deepmail.imap;

import io.deepmail.core.Account;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.ConnectOptions;
import io.deepmail.core.connect.MailConnector;
import io.deepmail.core.connect.MailUrl;
import io.deepmail.core.connect.ProtocolDialect;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.discovery.AccountDiscovery;
import io.deepmail.core.discovery.DiscoveryOptions;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.latch.LatchService;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.transport.MailTransport;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Entry point of the IMAP client. Copy-on-write: every configuring call returns a new client, so a
 * client is safe to share and to extend per call site.
 *
 * <pre>{@code
 * ImapClient imap = ImapClient.create(resources).latches(latchService);
 * imap.connect(account)
 *     .flatMapMany(s -> s.examine("INBOX").thenMany(s.fetch("1:*", false, "UID", "ENVELOPE")))
 * }</pre>
 *
 * <p>{@code connect} races Implicit TLS against STARTTLS through the core connector; the account's
 * level and latches are checked before any credential is asked for or sent (L6). Where to connect
 * comes from RFC 6186 discovery when the client has a {@link #dns(DnsLookup) DNS lookup}, and from
 * a {@link #host(String) configured host} or {@link #url(MailUrl) URL} when discovery finds no IMAP
 * service or there is no lookup; nothing else is guessed.
 *
 * @since 0.1
 */
public final class ImapClient {

    private final MailConnector connector;
    private final ImapClientOptions options;
    private final @Nullable AccountDiscovery discovery;
    private final @Nullable Targets configured;
    private final MailClientMetricsRecorder metrics;

    private ImapClient(MailConnector connector, ImapClientOptions options, @Nullable AccountDiscovery discovery,
            @Nullable Targets configured, MailClientMetricsRecorder metrics) {
        this.connector = connector;
        this.metrics = metrics;
        this.options = options;
        this.discovery = discovery;
        this.configured = configured;
    }

    /**
     * A client on shared resources with default TLS options.
     *
     * @param resources the event loops
     * @return the client
     */
    public static ImapClient create(MailResources resources) {
        return create(MailTransport.create(resources));
    }

    /**
     * A client on a configured transport (TLS options, timeouts, observers, metrics).
     *
     * @param transport the transport
     * @return the client
     */
    public static ImapClient create(MailTransport transport) {
        return new ImapClient(MailConnector.create(transport), ImapClientOptions.defaults(), null, null,
                transport.metricsRecorder());
    }

    /**
     * A copy that runs the latch gate of {@code service} on every session before authentication.
     *
     * @param service the latch service
     * @return a new client
     */
    public ImapClient latches(LatchService service) {
        return new ImapClient(connector.latches(service), options, discovery, configured, metrics);
    }

    /**
     * A copy with other IMAP options.
     *
     * @param newOptions the options
     * @return a new client
     */
    public ImapClient options(ImapClientOptions newOptions) {
        return new ImapClient(connector, Objects.requireNonNull(newOptions, "options"), discovery, configured,
                metrics);
    }

    /**
     * A copy with other connect options (head start, attempt timeout, Implicit TLS preference).
     *
     * @param connectOptions the options
     * @return a new client
     */
    public ImapClient connectOptions(ConnectOptions connectOptions) {
        return new ImapClient(connector.options(connectOptions), options, discovery, configured, metrics);
    }

    /**
     * A copy resolving host names with {@code resolver}.
     *
     * @param resolver the resolver
     * @return a new client
     */
    public ImapClient resolver(AddressResolver resolver) {
        return new ImapClient(connector.resolver(resolver), options, discovery, configured, metrics);
    }

    /**
     * A copy that discovers each account's IMAP servers by RFC 6186 through {@code lookup}, and
     * resolves hosts through it with their DNSSEC status so that DANE applies (the connector's
     * {@link MailConnector#dns(DnsLookup)}). The lookup stays the caller's to dispose.
     *
     * @param lookup the DNS lookup
     * @return a new client
     */
    public ImapClient dns(DnsLookup lookup) {
        return dns(lookup, DiscoveryOptions.defaults());
    }

    /**
     * As {@link #dns(DnsLookup)}, with discovery options (timeouts, Implicit TLS preference).
     *
     * @param lookup the DNS lookup
     * @param discoveryOptions the discovery options
     * @return a new client
     */
    public ImapClient dns(DnsLookup lookup, DiscoveryOptions discoveryOptions) {
        return new ImapClient(connector.dns(lookup), options, AccountDiscovery.create(lookup, discoveryOptions),
                configured, metrics);
    }

    /**
     * A copy with a manually configured host: Implicit TLS on 993 raced against STARTTLS on 143,
     * used by {@link #connect(Account)} when there is no DNS lookup or discovery finds no IMAP
     * service.
     *
     * @param host the host, as the user typed it
     * @return a new client
     */
    public ImapClient host(String host) {
        return new ImapClient(connector, options, discovery, Targets.manual(MailProtocol.IMAP, host), metrics);
    }

    /**
     * A copy with a configured mail URL, used like {@link #host(String)}.
     *
     * @param url the URL, for example {@code imaps://mail.example.com}
     * @return a new client
     */
    public ImapClient url(MailUrl url) {
        return new ImapClient(connector, options, discovery, Targets.url(url), metrics);
    }

    /**
     * The IMAP options.
     *
     * @return the options
     */
    public ImapClientOptions options() {
        return options;
    }

    /**
     * Connects where the account's IMAP service is and authenticates: the candidates RFC 6186
     * discovery finds for the account's domain when the client has a DNS lookup; else, or when
     * discovery finds none, the configured host or URL. With neither a lookup nor a configured
     * host, fails with {@link IllegalStateException}; when discovery finds nothing and no host is
     * configured, with the connector's {@link io.deepmail.core.connect.CandidatesExhaustedException}.
     *
     * @param account the account
     * @return an authenticated session
     */
    public Mono<ImapSession> connect(Account account) {
        return targets(account).flatMap(targets -> connect(account, targets));
    }

    /**
     * The targets {@link #connect(Account)} races for {@code account}.
     *
     * @param account the account
     * @return the discovered targets, or the configured ones
     */
    public Mono<Targets> targets(Account account) {
        AccountDiscovery d = discovery;
        Targets manual = configured;
        if (d == null) {
            return manual != null ? Mono.just(manual) : Mono.error(new IllegalStateException("no IMAP server for "
                    + account.domain() + ": configure a DNS lookup for discovery, a host or a URL"));
        }
        return d.discover(account.address()).map(result -> Targets.discovered(result, MailProtocol.IMAP))
                .map(found -> found.candidates().isEmpty() && manual != null ? manual : found);
    }

    /**
     * Connects to the endpoint a mail URL names and authenticates.
     *
     * @param account the account
     * @param url the URL, for example {@code imaps://mail.example.com}
     * @return an authenticated session
     */
    public Mono<ImapSession> connect(Account account, MailUrl url) {
        return connect(account, Targets.url(url));
    }

    /**
     * Races the targets and authenticates on the winning session.
     *
     * @param account the account
     * @param targets the candidates
     * @return an authenticated session
     */
    public Mono<ImapSession> connect(Account account, Targets targets) {
        return establish(account, targets).flatMap(session -> session.authenticate().thenReturn(session)
                .onErrorResume(e -> session.close().onErrorResume(x -> Mono.empty()).then(Mono.error(e))));
    }

    /**
     * Races the targets and returns the winning session before authentication: greeted, inside TLS,
     * capabilities read, latch gate passed.
     *
     * @param account the account
     * @param targets the candidates
     * @return a session in {@link ImapState#NOT_AUTHENTICATED}
     */
    public Mono<ImapSession> establish(Account account, Targets targets) {
        return connector.connect(account, targets, new ImapDialect(account, options, metrics)).cast(ImapSession.class);
    }

    /**
     * The steps this client plugs into the core {@link MailConnector} for {@code account}: greeting,
     * capabilities and, on a STARTTLS endpoint, the upgrade and the capabilities again; never a
     * credential. For tools that drive the connector themselves, such as a probe inspecting every
     * candidate on its own.
     *
     * @param account the account the sessions are for
     * @return the dialect
     */
    public ProtocolDialect<? extends ImapSession> dialect(Account account) {
        return new ImapDialect(Objects.requireNonNull(account, "account"), options, metrics);
    }
}
