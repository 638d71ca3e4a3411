package io.deepmail.pop3;

import io.deepmail.core.Account;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.SessionObserver;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.ConnectOptions;
import io.deepmail.core.connect.MailConnector;
import io.deepmail.core.connect.MailUrl;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.discovery.AccountDiscovery;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.latch.LatchService;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.transport.MailTransport;
import io.deepmail.core.transport.TimeoutOptions;
import io.deepmail.pop3.internal.Pop3Dialect;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Entry point for POP3 (RFC 1939) over TLS (RFC 8314): Implicit TLS on 995 and STLS on 110, raced
 * by the core connector. Copy-on-write: every configuring call returns a new client and leaves this
 * one unchanged, so a client is safe to share.
 *
 * <pre>{@code
 * Pop3Client pop3 = Pop3Client.create(resources).latches(latchService);
 * pop3.connect(account, "pop.example.com")
 *     .flatMap(session -> session.authenticate().then(session.stat()).flatMap(stat -> session.quit().thenReturn(stat)))
 *     .subscribe(stat -> log.info("{} messages", stat.count()));
 * }</pre>
 *
 * @since 0.1
 */
public final class Pop3Client {

    private final MailTransport transport;
    private final ConnectOptions connectOptions;
    private final AddressResolver resolver;
    private final @Nullable LatchService latches;
    private final @Nullable AccountDiscovery discovery;
    private final @Nullable DnsLookup dns;
    private final Pop3ClientOptions options;
    private final MailConnector connector;

    private Pop3Client(MailTransport transport, ConnectOptions connectOptions, AddressResolver resolver,
            @Nullable LatchService latches, @Nullable AccountDiscovery discovery, @Nullable DnsLookup dns,
            Pop3ClientOptions options) {
        this.transport = transport;
        this.connectOptions = connectOptions;
        this.resolver = resolver;
        this.latches = latches;
        this.discovery = discovery;
        this.dns = dns;
        this.options = options;
        MailConnector c = MailConnector.create(transport).options(connectOptions).resolver(resolver);
        c = latches == null ? c : c.latches(latches);
        this.connector = dns == null ? c : c.dns(dns);
    }

    /**
     * A client on shared resources, with default TLS, timeouts and options.
     *
     * @param resources event loops and the rest of the shared machinery
     * @return the client
     */
    public static Pop3Client create(MailResources resources) {
        return create(MailTransport.create(Objects.requireNonNull(resources, "resources")));
    }

    /**
     * A client on a configured transport.
     *
     * @param transport the transport
     * @return the client
     */
    public static Pop3Client create(MailTransport transport) {
        return new Pop3Client(Objects.requireNonNull(transport, "transport"), ConnectOptions.defaults(),
                AddressResolver.system(), null, null, null, Pop3ClientOptions.defaults());
    }

    /**
     * A copy with other TLS options.
     *
     * @param tls the TLS options
     * @return a new client
     */
    public Pop3Client tls(TlsOptions tls) {
        return new Pop3Client(transport.tls(tls), connectOptions, resolver, latches, discovery, dns, options);
    }

    /**
     * A copy with other transport timeouts.
     *
     * @param timeouts the timeouts
     * @return a new client
     */
    public Pop3Client timeouts(TimeoutOptions timeouts) {
        return new Pop3Client(transport.timeouts(timeouts), connectOptions, resolver, latches, discovery, dns,
                options);
    }

    /**
     * A copy with other race options (head start, Implicit TLS preference, attempt timeout).
     *
     * @param connect the options
     * @return a new client
     */
    public Pop3Client connectOptions(ConnectOptions connect) {
        return new Pop3Client(transport, Objects.requireNonNull(connect, "connect"), resolver, latches, discovery,
                dns, options);
    }

    /**
     * A copy resolving host names with {@code resolver}.
     *
     * @param addressResolver the resolver
     * @return a new client
     */
    public Pop3Client resolver(AddressResolver addressResolver) {
        return new Pop3Client(transport, connectOptions, Objects.requireNonNull(addressResolver, "addressResolver"),
                latches, discovery, dns, options);
    }

    /**
     * A copy that runs every session through the account's latches (REQUIREMENTS L6) before it is
     * handed out, so before any credential.
     *
     * @param service the latch service
     * @return a new client
     */
    public Pop3Client latches(LatchService service) {
        return new Pop3Client(transport, connectOptions, resolver, Objects.requireNonNull(service, "service"),
                discovery, dns, options);
    }

    /**
     * A copy that finds servers for {@link #connect(Account)} through RFC 6186 discovery.
     *
     * @param accountDiscovery the discovery
     * @return a new client
     */
    public Pop3Client discovery(AccountDiscovery accountDiscovery) {
        return new Pop3Client(transport, connectOptions, resolver, latches,
                Objects.requireNonNull(accountDiscovery, "accountDiscovery"), dns, options);
    }

    /**
     * A copy that resolves through {@code lookup}: host addresses and TLSA records for DANE
     * (see {@link MailConnector#dns(DnsLookup)}), and RFC 6186 discovery for
     * {@link #connect(Account)} unless {@link #discovery} set one. The lookup stays the caller's to
     * dispose.
     *
     * @param lookup the DNS lookup
     * @return a new client
     */
    public Pop3Client dns(DnsLookup lookup) {
        Objects.requireNonNull(lookup, "lookup");
        return new Pop3Client(transport, connectOptions, resolver, latches,
                discovery == null ? AccountDiscovery.create(lookup) : discovery, lookup, options);
    }

    /**
     * A copy that also notifies {@code next} of every session's states, after the observers
     * already configured: the core states and the POP3 ones ({@link Pop3States}).
     *
     * @param next the observer to add
     * @return a new client
     */
    public Pop3Client observe(SessionObserver next) {
        return new Pop3Client(transport.observe(Objects.requireNonNull(next, "next")), connectOptions, resolver,
                latches, discovery, dns, options);
    }

    /**
     * A copy with other POP3 options.
     *
     * @param pop3Options the options
     * @return a new client
     */
    public Pop3Client options(Pop3ClientOptions pop3Options) {
        return new Pop3Client(transport, connectOptions, resolver, latches, discovery, dns,
                Objects.requireNonNull(pop3Options, "pop3Options"));
    }

    /**
     * The POP3 options.
     *
     * @return the options
     */
    public Pop3ClientOptions options() {
        return options;
    }

    /**
     * Discovers the account's POP3 servers (RFC 6186) and connects; needs {@link #discovery}.
     *
     * @param account the account
     * @return the session, in the AUTHORIZATION state
     */
    public Mono<Pop3Session> connect(Account account) {
        AccountDiscovery d = discovery;
        if (d == null) {
            return Mono.error(new IllegalStateException("connect(account) needs discovery(...); "
                    + "or pass a host, a URL or targets"));
        }
        return d.discover(account.address()).flatMap(result -> connect(account,
                Targets.discovered(result, MailProtocol.POP3)));
    }

    /**
     * Connects to a manually configured host, racing 995 (Implicit TLS) against 110 (STLS).
     *
     * @param account the account
     * @param host the host name
     * @return the session, in the AUTHORIZATION state
     */
    public Mono<Pop3Session> connect(Account account, String host) {
        return connect(account, Targets.manual(MailProtocol.POP3, host));
    }

    /**
     * Connects to the one endpoint a {@code pop3://} or {@code pop3s://} URL names.
     *
     * @param account the account
     * @param url the URL
     * @return the session, in the AUTHORIZATION state
     */
    public Mono<Pop3Session> connect(Account account, MailUrl url) {
        return connect(account, Targets.url(url));
    }

    /**
     * Races the given targets: greeting, {@code CAPA}, {@code STLS} where needed and {@code CAPA}
     * again, then the account's level and latches. No credential is sent.
     *
     * @param account the account
     * @param targets POP3 targets
     * @return the session, in the AUTHORIZATION state
     */
    public Mono<Pop3Session> connect(Account account, Targets targets) {
        return connector.connect(account, targets, new Pop3Dialect(account, options, transport.metricsRecorder(),
                transport.observer())).cast(Pop3Session.class);
    }
}
