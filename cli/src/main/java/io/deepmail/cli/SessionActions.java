package io.deepmail.cli;

import io.deepmail.core.Account;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.imap.ImapSession;
import io.deepmail.imap.response.ListData;
import io.deepmail.pop3.Pop3Session;
import io.deepmail.pop3.Pop3Stat;
import io.deepmail.submission.Envelope;
import io.deepmail.submission.SubmissionResult;
import io.deepmail.submission.SubmissionSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one harmless thing done after logging in, per protocol, shared by {@code connect} and the
 * sandbox's per-endpoint step: IMAP lists the mailboxes, POP3 runs STAT, Submission has run EHLO and
 * AUTH (and sends a message when given one). Each then leaves politely (LOGOUT, QUIT).
 */
public final class SessionActions {

    private static final java.time.Duration WAIT = ClientKit.WAIT;

    private SessionActions() {
    }

    /** What a session did: the security record and a small result. */
    public record Outcome(SessionSecurity security, Map<String, Object> result) {
    }

    /** Where a failure happened: once the session is established, a refused command means refused credentials. */
    public static final class Phase {
        private volatile boolean authenticating;

        /**
         * Whether the failure happened while logging in.
         *
         * @return whether authenticating
         */
        public boolean authenticating() {
            return authenticating;
        }
    }

    /**
     * IMAP: establish (race, TLS, latches), authenticate, LIST, LOGOUT.
     *
     * @param kit the kit
     * @param account the account
     * @param targets the candidates
     * @param phase set while authenticating
     * @return the outcome, with {@code mailboxes}
     */
    public static Outcome imap(ClientKit kit, Account account, Targets targets, Phase phase) {
        ImapSession session = Objects.requireNonNull(kit.imap().establish(account, targets).block(WAIT));
        try {
            phase.authenticating = true;
            session.authenticate().block(WAIT);
            phase.authenticating = false;
            List<String> boxes = session.list("", "*", false).map(ListData::decodedMailbox).collectList().block(WAIT);
            session.logout().block(WAIT);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("mailboxes", boxes);
            return new Outcome(session.security(), result);
        } finally {
            session.close().onErrorResume(e -> Mono.empty()).block(WAIT);
        }
    }

    /**
     * POP3: connect (race, TLS, DANE, latches), authenticate, STAT, QUIT.
     *
     * @param kit the kit
     * @param account the account
     * @param targets the candidates
     * @param phase set while authenticating
     * @return the outcome, with {@code messages} and {@code octets}
     */
    public static Outcome pop3(ClientKit kit, Account account, Targets targets, Phase phase) {
        Pop3Session session = Objects.requireNonNull(kit.pop3(account, targets).block(WAIT));
        try {
            phase.authenticating = true;
            session.authenticate().block(WAIT);
            phase.authenticating = false;
            Pop3Stat stat = Objects.requireNonNull(session.stat().block(WAIT));
            session.quit().block(WAIT);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("messages", stat.count());
            result.put("octets", stat.size());
            return new Outcome(session.security(), result);
        } finally {
            session.close().onErrorResume(e -> Mono.empty()).block(WAIT);
        }
    }

    /**
     * Submission: connect (race, TLS, DANE, latches, EHLO, AUTH), optionally send, QUIT.
     *
     * @param kit the kit
     * @param account the account
     * @param targets the candidates
     * @param content a message to send, or {@code null}
     * @param to its recipient, when there is a message
     * @return the outcome, with {@code queueId} and {@code accepted} when a message was sent
     */
    public static Outcome submission(ClientKit kit, Account account, Targets targets, byte @Nullable [] content,
            @Nullable String to) {
        SubmissionSession session = Objects.requireNonNull(kit.submission().connect(account, targets).block(WAIT));
        try {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("authenticated", true);
            if (content != null) {
                Flux<ByteBuf> body = Flux.defer(() -> Flux.just(Unpooled.wrappedBuffer(content)));
                SubmissionResult sent = Objects.requireNonNull(session.send(
                        Envelope.of(account.address(), Objects.requireNonNull(to, "to")), body).block(WAIT));
                result.put("queueId", sent.queueId());
                result.put("accepted", sent.accepted());
            }
            session.quit().block(WAIT);
            return new Outcome(session.security(), result);
        } catch (RuntimeException e) {
            session.quit().onErrorResume(x -> Mono.empty()).block(WAIT);
            throw e;
        }
    }
}
