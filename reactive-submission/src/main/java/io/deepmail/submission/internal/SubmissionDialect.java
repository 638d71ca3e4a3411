package io.deepmail.submission.internal;

import io.deepmail.core.Account;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.ProtocolDialect;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.submission.SmtpReplyException;
import io.deepmail.submission.SubmissionOptions;
import reactor.core.publisher.Mono;

/**
 * Submission's establishment steps for the core's racing connector: the 220 greeting, EHLO, and on
 * a STARTTLS endpoint the upgrade and EHLO again, keeping only what the server said inside TLS.
 * Sends no credential and no envelope (TLS-09).
 */
public final class SubmissionDialect implements ProtocolDialect<DefaultSubmissionSession> {

    private final Account account;
    private final SubmissionOptions options;
    private final MailClientMetricsRecorder metrics;

    /**
     * A dialect for one account's connects.
     *
     * @param account the account, for its level
     * @param options the session options
     * @param metrics where commands and the authentication phase are recorded
     */
    public SubmissionDialect(Account account, SubmissionOptions options, MailClientMetricsRecorder metrics) {
        this.account = account;
        this.options = options;
        this.metrics = metrics;
    }

    @Override
    public MailProtocol protocol() {
        return MailProtocol.SUBMISSION;
    }

    @Override
    public Mono<DefaultSubmissionSession> establish(MailConnection connection) {
        return Mono.defer(() -> {
            SmtpWire wire = SmtpWire.install(connection, options.responseTimeout(), metrics);
            boolean startTls = connection.endpoint().mode() == TransportMode.STARTTLS;
            boolean heloAllowed = !startTls && account.minimumLevel() == ConfidentialityLevel.NONE;
            Mono<Void> greeted = wire.greeting().flatMap(greeting -> greeting.code() == 220 ? Mono.<Void>empty()
                    : Mono.error(Replies.failure("greeting", greeting)));
            Mono<EhloCapabilities> first = EhloFlow.run(wire, options.ehloDomain(), heloAllowed);
            if (startTls) {
                first = first.onErrorMap(SmtpReplyException.class, e -> new StartTlsUnavailableException(
                        connection.endpoint() + " refused EHLO, so it cannot offer STARTTLS (TLS-15)", e));
            }
            Mono<EhloCapabilities> capabilities = greeted.then(first);
            if (startTls) {
                capabilities = capabilities.flatMap(cleartext -> StartTlsFlow.run(wire, cleartext))
                        .then(EhloFlow.run(wire, options.ehloDomain(), false));
            }
            return capabilities.map(caps -> new DefaultSubmissionSession(wire, caps, account, options));
        });
    }

    @Override
    public MailConnection connection(DefaultSubmissionSession session) {
        return session.wire().connection();
    }
}
