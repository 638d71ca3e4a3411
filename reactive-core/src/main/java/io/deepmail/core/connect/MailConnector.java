package io.deepmail.core.connect;

import io.deepmail.core.Account;
import io.deepmail.core.LatchViolationException;
import io.deepmail.core.MailClientException;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.TlsRequiredException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.dns.TlsaRecord;
import io.deepmail.core.internal.connect.Attempts;
import io.deepmail.core.internal.connect.DaneResolution;
import io.deepmail.core.internal.connect.Planner;
import io.deepmail.core.internal.connect.Race;
import io.deepmail.core.latch.LatchService;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.ConnectRequest;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.core.transport.MailTransport;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns an account and its targets into one secure, verified, not yet authenticated session
 * (REQUIREMENTS §5.4). Candidates are planned, each host's addresses interleaved, and the attempts
 * raced with a head start for the preferred one; the first attempt whose session is fully
 * established and meets the account's level wins, and every other attempt is cancelled. A failed
 * security check is reported, never answered with a weaker variant of the same target.
 * Copy-on-write and safe to share.
 *
 * @since 0.1
 */
public final class MailConnector {

    private final MailTransport transport;
    private final ConnectOptions options;
    private final AddressResolver resolver;
    private final Map<TrustAnchors, MailTransport> perAccountAnchors;
    private final @Nullable LatchService latches;
    private final @Nullable DnsLookup dns;

    private MailConnector(MailTransport transport, ConnectOptions options, AddressResolver resolver,
            Map<TrustAnchors, MailTransport> perAccountAnchors, @Nullable LatchService latches,
            @Nullable DnsLookup dns) {
        this.transport = transport;
        this.options = options;
        this.resolver = resolver;
        this.perAccountAnchors = perAccountAnchors;
        this.latches = latches;
        this.dns = dns;
    }

    /**
     * A connector on the given transport, with default options and the system resolver.
     *
     * @param transport the transport
     * @return the connector
     */
    public static MailConnector create(MailTransport transport) {
        return new MailConnector(Objects.requireNonNull(transport, "transport"), ConnectOptions.defaults(),
                AddressResolver.system(), new ConcurrentHashMap<>(), null, null);
    }

    /**
     * A copy with other options.
     *
     * @param options the options
     * @return a new connector
     */
    public MailConnector options(ConnectOptions options) {
        return new MailConnector(transport, Objects.requireNonNull(options, "options"), resolver, perAccountAnchors,
                latches, dns);
    }

    /**
     * A copy resolving host names with {@code resolver}.
     *
     * @param resolver the resolver
     * @return a new connector
     */
    public MailConnector resolver(AddressResolver resolver) {
        return new MailConnector(transport, options, Objects.requireNonNull(resolver, "resolver"), perAccountAnchors,
                latches, dns);
    }

    /**
     * A copy that runs every won-candidate-to-be through the account's latch gate (REQUIREMENTS L6):
     * after the handshake, identity check, greeting and capabilities, before the session counts as
     * established and before any credential. A NORMAL violation (L7) ends the whole race: no
     * other candidate, weaker or not, is tried for the account in this connect.
     *
     * @param service the latch service
     * @return a new connector
     */
    public MailConnector latches(LatchService service) {
        return new MailConnector(transport, options, resolver, perAccountAnchors,
                Objects.requireNonNull(service, "service"), dns);
    }

    /**
     * A copy that resolves hosts through {@code lookup} with their DNSSEC status and applies DANE
     * (REQUIREMENTS §7.1): TLSA is looked up at {@code _<port>._tcp.<host>} only when the host's
     * addresses are secure; a bogus or indeterminate answer skips that target; a usable TLSA set
     * authenticates the server and makes TLS mandatory. Replaces the address resolver.
     *
     * @param lookup the DNS lookup
     * @return a new connector
     */
    public MailConnector dns(DnsLookup lookup) {
        return new MailConnector(transport, options, resolver, perAccountAnchors, latches,
                Objects.requireNonNull(lookup, "lookup"));
    }

    /**
     * The candidates that would be raced for {@code account}, in order: for diagnostics and tests.
     *
     * @param account the account
     * @param targets the targets
     * @return the plan
     */
    public List<Candidate> plan(Account account, Targets targets) {
        return Planner.plan(account, targets, options.preference());
    }

    /**
     * Races the account's candidates and returns the winning session. No credential is sent by
     * this step. Cancelling cancels every attempt and closes its channel.
     *
     * @param account the account
     * @param targets where to connect
     * @param dialect the protocol's establishment steps
     * @param <S> the protocol's session type
     * @return the session, or a typed failure listing every candidate
     */
    public <S> Mono<S> connect(Account account, Targets targets, ProtocolDialect<S> dialect) {
        if (targets.protocol() != dialect.protocol()) {
            return Mono.error(new IllegalArgumentException("targets are " + targets.protocol() + " but the dialect speaks "
                    + dialect.protocol()));
        }
        MailTransport accountTransport = account.trustAnchors()
                .map(a -> perAccountAnchors.computeIfAbsent(a, x -> transport.tls(transport.tlsOptions().mutate()
                        .trustAnchors(x).build())))
                .orElse(transport);
        List<Candidate> plan = plan(account, targets);
        DnsLookup lookup = dns;
        return Attempts.expand(plan, lookup != null ? candidate -> DaneResolution.resolve(lookup, candidate)
                        : Attempts.addressesOnly(resolver),
                (candidate, address, tlsa) -> establish(accountTransport, account, candidate, address, tlsa, dialect))
                .flatMap(attempts -> Race.run(attempts, options.headStart(), Schedulers.parallel(),
                        MailConnector::endsRace, session -> dialect.connection(session).dispose(),
                        transport.metricsRecorder()));
    }

    private static boolean endsRace(Throwable failure) {
        return failure instanceof LatchViolationException v && v.blocksWeakerCandidates();
    }

    private <S> Mono<S> establish(MailTransport t, Account account, Candidate candidate, InetSocketAddress address,
            @Nullable DnsAnswer<TlsaRecord> tlsa, ProtocolDialect<S> dialect) {
        ConnectRequest request = new ConnectRequest(candidate.endpoint(), candidate.identifiers(), candidate.trust(),
                address).withTlsa(tlsa);
        String domain = candidate.serviceDomain();
        if (options.sniPolicy() == SniPolicy.SERVICE_DOMAIN && domain != null && !usable(tlsa)) {
            request = request.withServerName(domain);
        }
        return t.connect(request)
                .flatMap(connection -> dialect.establish(connection)
                        .flatMap(session -> meetsLevel(account, connection).then(gate(account, connection))
                                .thenReturn(session))
                        .onErrorResume(e -> connection.close().onErrorResume(x -> Mono.empty()).then(Mono.error(e)))
                        .doOnCancel(connection::dispose))
                .timeout(options.attemptTimeout())
                .onErrorMap(TimeoutException.class, e -> new MailTimeoutException("connecting to "
                        + candidate.endpoint(), options.attemptTimeout()));
    }

    private static boolean usable(@Nullable DnsAnswer<TlsaRecord> tlsa) {
        return tlsa != null && tlsa.status() == DnssecStatus.SECURE && tlsa.records().stream().anyMatch(TlsaRecord::usable);
    }

    private Mono<Void> gate(Account account, MailConnection connection) {
        LatchService service = latches;
        SessionSecurity security = connection.security().orElse(null);
        return service == null || security == null ? Mono.empty() : service.admit(account, security).then();
    }

    private static Mono<Void> meetsLevel(Account account, MailConnection connection) {
        SessionSecurity security = connection.security().orElse(null);
        if (security == null) {
            return Mono.error(new TlsRequiredException("the session was established without TLS"));
        }
        if (!security.level().meets(account.minimumLevel())) {
            MailClientException e = connection.endpoint().mode() == TransportMode.PLAINTEXT
                    ? new TlsRequiredException(account + " requires level " + account.minimumLevel().value()
                            + " but " + connection.endpoint() + " is cleartext")
                    : new TlsPolicyException(account + " requires level " + account.minimumLevel().value()
                            + " but the session reached level " + security.level().value(), null);
            return Mono.error(e);
        }
        return Mono.empty();
    }
}
