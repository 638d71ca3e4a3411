package io.deepmail.submission;

import io.deepmail.core.Account;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.ConnectOptions;
import io.deepmail.core.connect.MailConnector;
import io.deepmail.core.connect.ProtocolDialect;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.latch.LatchService;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.transport.MailTransport;
import io.deepmail.submission.internal.DefaultSubmissionSession;
import io.deepmail.submission.internal.SubmissionDialect;
import io.netty.buffer.ByteBuf;
import java.util.Objects;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Entry point for SMTP Submission. Copy-on-write: every configuration call returns a new client and
 * leaves this one unchanged, so clients are safe to share.
 *
 * <pre>{@code
 * SubmissionClient smtp = SubmissionClient.create(resources).latches(latchService);
 * smtp.send(alice, Targets.manual(MailProtocol.SUBMISSION, "mail.example.com"),
 *         Envelope.of("alice@example.com", "bob@example.net"), Flux.defer(() -> Flux.just(message)))
 *     .subscribe(result -> log.info("queued as {}", result.queueId()));
 * }</pre>
 *
 * <p>{@link #connect} races the targets' candidates (465 Implicit TLS preferred to 587 STARTTLS),
 * verifies TLS and identity, runs the latch gate and only then asks the account's credentials
 * provider and authenticates. Each {@code connect} opens one connection; {@link #pool} keeps them
 * open for reuse.
 *
 * @since 0.1
 */
public final class SubmissionClient {

    private final MailTransport transport;
    private final MailConnector connector;
    private final SubmissionOptions options;

    private SubmissionClient(MailTransport transport, MailConnector connector, SubmissionOptions options) {
        this.transport = transport;
        this.connector = connector;
        this.options = options;
    }

    /**
     * A client on shared resources with default TLS, connect and submission options.
     *
     * @param resources the event loops and other shared resources
     * @return the client
     */
    public static SubmissionClient create(MailResources resources) {
        return create(MailTransport.create(resources));
    }

    /**
     * A client on a configured transport.
     *
     * @param transport the transport
     * @return the client
     */
    public static SubmissionClient create(MailTransport transport) {
        return new SubmissionClient(transport, MailConnector.create(transport), SubmissionOptions.defaults());
    }

    /**
     * A copy with other TLS options.
     *
     * @param tls the TLS options
     * @return a new client
     */
    public SubmissionClient tls(TlsOptions tls) {
        MailTransport t = transport.tls(tls);
        return new SubmissionClient(t, MailConnector.create(t).options(connectorOptions()), options);
    }

    /**
     * A copy with other connect options (head start, attempt timeout, Implicit TLS preference).
     *
     * @param connect the connect options
     * @return a new client
     */
    public SubmissionClient connectOptions(ConnectOptions connect) {
        return new SubmissionClient(transport, connector.options(connect), options);
    }

    /**
     * A copy resolving host names with {@code resolver}.
     *
     * @param resolver the resolver
     * @return a new client
     */
    public SubmissionClient resolver(AddressResolver resolver) {
        return new SubmissionClient(transport, connector.resolver(resolver), options);
    }

    /**
     * A copy that resolves targets through {@code lookup} with their DNSSEC status and applies DANE
     * (REQUIREMENTS §7.1): TLSA at {@code _<port>._tcp.<host>} after secure addresses; bogus answers
     * skip the target. Combine with {@link io.deepmail.core.connect.Targets#discovered} for RFC 6186.
     *
     * @param lookup the DNS lookup
     * @return a new client
     */
    public SubmissionClient dns(io.deepmail.core.dns.DnsLookup lookup) {
        return new SubmissionClient(transport, connector.dns(lookup), options);
    }

    /**
     * A copy that runs every session through the latch gate before any credential (LAT-06).
     *
     * @param latches the latch service
     * @return a new client
     */
    public SubmissionClient latches(LatchService latches) {
        return new SubmissionClient(transport, connector.latches(latches), options);
    }

    /**
     * A copy with other submission options.
     *
     * @param submission the options
     * @return a new client
     */
    public SubmissionClient options(SubmissionOptions submission) {
        return new SubmissionClient(transport, connector, Objects.requireNonNull(submission, "submission"));
    }

    /**
     * The submission options.
     *
     * @return the options
     */
    public SubmissionOptions options() {
        return options;
    }

    /**
     * Connects and authenticates. Cancelling closes every attempt.
     *
     * @param account the account
     * @param targets where to connect
     * @return the authenticated session
     */
    public Mono<SubmissionSession> connect(Account account, Targets targets) {
        if (targets.protocol() != MailProtocol.SUBMISSION) {
            return Mono.error(new IllegalArgumentException("targets are " + targets.protocol() + ", not SUBMISSION"));
        }
        return connector.connect(account, targets, new SubmissionDialect(account, options, transport.metricsRecorder()))
                .flatMap(session -> session.authenticate()
                        .onErrorResume(e -> session.quit().then(Mono.error(e))))
                .cast(SubmissionSession.class);
    }

    /**
     * Connects, sends one message and quits.
     *
     * @param account the account
     * @param targets where to connect
     * @param envelope the envelope
     * @param content the message; subscribed to only once the envelope is accepted
     * @return the result
     */
    public Mono<SubmissionResult> send(Account account, Targets targets, Envelope envelope,
            Publisher<ByteBuf> content) {
        return Mono.usingWhen(connect(account, targets), s -> s.send(envelope, content), SubmissionSession::quit,
                (s, e) -> s.quit(), SubmissionSession::quit);
    }

    /**
     * A pool of authenticated connections made by this client's configuration, reused across
     * sends. The pool is independent of this client: later configuration calls do not change it.
     *
     * @param pool the pool options
     * @return a new pool; dispose it when done
     */
    public SubmissionPool pool(PoolOptions pool) {
        return new SubmissionPool(this, pool, transport.metricsRecorder());
    }

    private ConnectOptions connectorOptions() {
        return ConnectOptions.defaults();
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
    public ProtocolDialect<? extends SubmissionSession> dialect(Account account) {
        return new SubmissionDialect(Objects.requireNonNull(account, "account"), options, transport.metricsRecorder());
    }
}
