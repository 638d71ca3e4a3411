package io.deepmail.imap;

import io.deepmail.core.Account;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.ConnectOptions;
import io.deepmail.core.connect.MailConnector;
import io.deepmail.core.connect.MailUrl;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.latch.LatchService;
import io.deepmail.core.transport.MailTransport;
import java.util.Objects;
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
 * level and latches are checked before any credential is asked for or sent (L6).
 *
 * @since 0.1
 */
public final class ImapClient {

    private final MailConnector connector;
    private final ImapClientOptions options;

    private ImapClient(MailConnector connector, ImapClientOptions options) {
        this.connector = connector;
        this.options = options;
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
        return new ImapClient(MailConnector.create(transport), ImapClientOptions.defaults());
    }

    /**
     * A copy that runs the latch gate of {@code service} on every session before authentication.
     *
     * @param service the latch service
     * @return a new client
     */
    public ImapClient latches(LatchService service) {
        return new ImapClient(connector.latches(service), options);
    }

    /**
     * A copy with other IMAP options.
     *
     * @param newOptions the options
     * @return a new client
     */
    public ImapClient options(ImapClientOptions newOptions) {
        return new ImapClient(connector, Objects.requireNonNull(newOptions, "options"));
    }

    /**
     * A copy with other connect options (head start, attempt timeout, Implicit TLS preference).
     *
     * @param connectOptions the options
     * @return a new client
     */
    public ImapClient connectOptions(ConnectOptions connectOptions) {
        return new ImapClient(connector.options(connectOptions), options);
    }

    /**
     * A copy resolving host names with {@code resolver}.
     *
     * @param resolver the resolver
     * @return a new client
     */
    public ImapClient resolver(AddressResolver resolver) {
        return new ImapClient(connector.resolver(resolver), options);
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
     * Connects to the account's domain as a manually configured host (993 raced against 143) and
     * authenticates.
     *
     * @param account the account
     * @return an authenticated session
     */
    public Mono<ImapSession> connect(Account account) {
        return connect(account, Targets.manual(MailProtocol.IMAP, account.domain()));
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
        return connector.connect(account, targets, new ImapDialect(account, options)).cast(ImapSession.class);
    }
}
