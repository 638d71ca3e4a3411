package io.deepmail.submission.internal;

import io.deepmail.core.Account;
import io.deepmail.core.TlsRequiredException;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.submission.Envelope;
import io.deepmail.submission.SmtpReply;
import io.deepmail.submission.SubmissionOptions;
import io.deepmail.submission.SubmissionResult;
import io.deepmail.submission.SubmissionSession;
import io.deepmail.submission.internal.codec.SmtpCommands;
import io.deepmail.submission.internal.codec.SmtpResponse;
import io.netty.buffer.ByteBuf;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A session on one connection whose TLS, identity, level and latches the connector has checked.
 * Sends run one at a time through a {@link SerialGate}; a send that did not finish cleanly leaves
 * the session "dirty", and the next one starts with RSET.
 */
public final class DefaultSubmissionSession implements SubmissionSession {

    private static final Pattern QUEUE_ID = Pattern.compile("(?:queued as|id=)\\s*([A-Za-z0-9][A-Za-z0-9.\\-_]{2,63})");

    private final SmtpWire wire;
    private final EhloCapabilities capabilities;
    private final Account account;
    private final SubmissionOptions options;
    private final SerialGate gate = new SerialGate();
    private volatile boolean dirty;

    DefaultSubmissionSession(SmtpWire wire, EhloCapabilities capabilities, Account account, SubmissionOptions options) {
        this.wire = wire;
        this.capabilities = capabilities;
        this.account = account;
        this.options = options;
    }

    SmtpWire wire() {
        return wire;
    }

    /**
     * Authenticates with the account's credentials, asked for only now (after the latch gate).
     *
     * @return this session, authenticated
     */
    public Mono<DefaultSubmissionSession> authenticate() {
        return gate.run(Mono.defer(() -> AuthFlow.run(wire, capabilities, account, security()))).thenReturn(this);
    }

    @Override
    public Mono<SubmissionResult> send(Envelope envelope, Publisher<ByteBuf> message) {
        return SubmissionMetrics.recorded(wire.metrics(), message, content -> gate.run(Mono.defer(() -> {
            SessionSecurity security = security();
            boolean levelOne = account.minimumLevel() == ConfidentialityLevel.VERIFIED
                    && security.level() == ConfidentialityLevel.VERIFIED;
            boolean pipelining = options.pipelining() && capabilities.has(EhloCapabilities.PIPELINING);
            MailTransactionFlow.Plan plan = MailTransactionFlow.plan(envelope, capabilities, levelOne,
                    options.chunking(), pipelining);
            Mono<?> reset = dirty ? wire.command(SmtpCommands.rset()) : Mono.empty();
            dirty = true;
            return reset.then(MailTransactionFlow.run(wire, plan, pipelining)).flatMap(outcome -> {
                Mono<SmtpResponse> body = plan.bdat() ? DataFlow.bdat(wire, content) : DataFlow.data(wire, content);
                return body.doOnCancel(wire.connection()::dispose).map(reply -> {
                    dirty = false;
                    SmtpReply finalReply = Replies.reply(reply);
                    return new SubmissionResult(queueId(finalReply), outcome.accepted(), outcome.refused(), finalReply,
                            plan.requireTls());
                });
            });
        })));
    }

    static @Nullable String queueId(SmtpReply reply) {
        Matcher m = QUEUE_ID.matcher(reply.text());
        return m.find() ? m.group(1) : null;
    }

    @Override
    public Mono<SmtpReply> noop() {
        return gate.run(wire.command(SmtpCommands.noop()).map(r -> Replies.reply(Replies.expectOk("NOOP", r))));
    }

    @Override
    public Mono<SmtpReply> reset() {
        return gate.run(wire.command(SmtpCommands.rset()).map(r -> {
            dirty = false;
            return Replies.reply(Replies.expectOk("RSET", r));
        }));
    }

    @Override
    public Mono<Void> quit() {
        return gate.run(wire.command(SmtpCommands.quit()).then()
                .onErrorResume(e -> Mono.empty())
                .then(wire.connection().close().onErrorResume(e -> Mono.empty())));
    }

    @Override
    public Set<String> extensions() {
        return capabilities.keywords();
    }

    @Override
    public SessionSecurity security() {
        return wire.connection().security().orElseThrow(() -> new TlsRequiredException("the session has no "
                + "security record"));
    }

    @Override
    public String toString() {
        return "SubmissionSession[" + wire.connection().endpoint() + ", " + capabilities + "]";
    }
}
