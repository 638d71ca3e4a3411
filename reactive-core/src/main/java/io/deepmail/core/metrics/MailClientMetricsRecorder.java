package io.deepmail.core.metrics;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailClientException;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.latch.LatchEvent;
import io.deepmail.core.security.SessionSecurityEvent;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * Receives measurements from deepmail. Implementations must be thread-safe and must not block:
 * they are called on event loops.
 *
 * @since 0.1
 */
public interface MailClientMetricsRecorder {

    /** A recorder that records nothing. */
    MailClientMetricsRecorder NOOP = new MailClientMetricsRecorder() {
    };

    /**
     * A TCP connect finished.
     *
     * @param endpoint the endpoint
     * @param duration how long it took
     * @param success whether it connected
     */
    default void recordConnectTime(Endpoint endpoint, Duration duration, boolean success) {
    }

    /**
     * A TLS handshake finished, including the certificate and identity checks.
     *
     * @param endpoint the endpoint
     * @param duration how long it took
     * @param success whether it succeeded
     */
    default void recordTlsHandshakeTime(Endpoint endpoint, Duration duration, boolean success) {
    }

    /**
     * TLS was not established on a connection, so it was refused or closed before any protocol
     * byte inside TLS: a bogus or indeterminate TLSA answer or TLSA records for a cleartext endpoint
     * (before TCP), a STARTTLS refusal or injected plaintext, or a failed handshake, certificate,
     * identity, DANE or negotiation check. Called once per refused connection.
     *
     * @param endpoint the endpoint
     * @param failure the typed failure, usually a {@link io.deepmail.core.TlsPolicyException}; a
     *        {@link io.deepmail.core.MailTimeoutException} for a handshake that timed out
     */
    default void recordTlsFailure(Endpoint endpoint, MailClientException failure) {
    }

    /**
     * One attempt of a connect race ended (SRV-12).
     *
     * @param endpoint the endpoint attempted
     * @param outcome how it ended
     * @param failure the typed failure for {@link AttemptOutcome#FAILED}, else {@code null}
     */
    default void recordConnectAttempt(Endpoint endpoint, AttemptOutcome outcome, @Nullable Throwable failure) {
    }

    /**
     * A session was established; the event says what protected it.
     *
     * @param event the session-security event
     */
    default void recordSessionSecurity(SessionSecurityEvent event) {
    }

    /**
     * A latch event happened. Its {@link LatchEvent#kind()} and, for findings, their
     * {@link io.deepmail.core.latch.LatchProperty} are bounded tag values.
     *
     * @param event the event
     */
    default void recordLatchEvent(LatchEvent event) {
    }

    /**
     * A DNS lookup of one name and record type was answered by the network, retries included.
     * Answers served from the lookup's cache are not recorded.
     *
     * @param recordType the record type asked for: {@code A}, {@code AAAA}, {@code SRV} or {@code TLSA}
     * @param status the answer's DNSSEC status
     * @param outcome what came back; {@link DnsAnswer.Outcome#FAILED} for a lookup that gave no usable answer
     * @param duration from the first query to the answer
     */
    default void recordDnsLookup(String recordType, DnssecStatus status, DnsAnswer.Outcome outcome,
            Duration duration) {
    }

    /**
     * A protocol command completed: its final reply arrived, or it failed or was cancelled first.
     * Protocol modules call this once per command; recorders fold values they do not know into
     * one, so extension verbs are safe to pass.
     *
     * @param protocol the protocol
     * @param verb the command name, upper-case, for example {@code FETCH}, {@code UID FETCH},
     *        {@code RETR} or {@code MAIL}
     * @param status the final reply's status: {@code OK}, {@code NO}, {@code BAD} or {@code BYE}
     *        (IMAP), {@code +OK} or {@code -ERR} (POP3), the three-digit reply code (SMTP); or
     *        {@code TIMEOUT}, {@code CANCELLED} or {@code ERROR} when no final reply arrived
     * @param duration from writing the command to its final reply
     */
    default void recordCommand(MailProtocol protocol, String verb, String status, Duration duration) {
    }

    /**
     * A phase starts; the returned handle is told how it ends. This is the hook for tracing and
     * Micrometer Observations, which need a real start and stop on the same clock rather than a
     * duration after the fact; the handle keeps this SPI free of their types.
     *
     * @param phase the phase
     * @param endpoint the endpoint of the session
     * @param detail the command verb for {@link MailPhase#COMMAND}, the mechanism for
     *        {@link MailPhase#AUTHENTICATION}, else the empty string
     * @return the handle; {@link PhaseHandle#NOOP} when the phase is not observed
     */
    default PhaseHandle startPhase(MailPhase phase, Endpoint endpoint, String detail) {
        return PhaseHandle.NOOP;
    }

    /**
     * A connect race was won by a candidate other than the most preferred one (SRV-12): a fallback.
     * Called once per race, after {@link #recordConnectAttempt} reported the win.
     *
     * @param preferred the most preferred candidate's endpoint
     * @param winner the endpoint that won
     * @param reason why the preferred candidate did not win
     */
    default void recordConnectFallback(Endpoint preferred, Endpoint winner, FallbackReason reason) {
    }

    /**
     * A wait for server updates started, was renewed or ended; for IMAP, the IDLE flux of a session.
     * Each {@link IdleEvent#STARTED} is followed by exactly one {@link IdleEvent#ENDED}.
     *
     * @param protocol the protocol
     * @param event what happened
     */
    default void recordIdle(MailProtocol protocol, IdleEvent event) {
    }

    /**
     * The submission of one message ended.
     *
     * @param outcome how it ended
     * @param bytes the message bytes handed to the connection before dot-stuffing or chunking, zero
     *        when the server refused the envelope before the content was sent
     */
    default void recordSubmission(SubmissionOutcome outcome, long bytes) {
    }

    /**
     * A connection pool was created; the recorder may sample {@code gauges} until the returned
     * handle is disposed, which the pool does when it is disposed.
     *
     * @param protocol the protocol of the pooled sessions
     * @param gauges the pool's live sizes
     * @return the handle that stops sampling; disposing it twice is harmless
     */
    default Disposable registerPool(MailProtocol protocol, PoolGauges gauges) {
        return Disposables.disposed();
    }
}
