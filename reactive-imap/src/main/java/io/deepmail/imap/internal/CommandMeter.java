package io.deepmail.imap.internal;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.metrics.MailPhase;
import io.deepmail.core.metrics.PhaseHandle;
import io.deepmail.imap.response.StatusResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Measures one IMAP command for the transport's {@link MailClientMetricsRecorder}: a
 * {@link MailPhase#COMMAND} phase named by the verb, and one
 * {@link MailClientMetricsRecorder#recordCommand} call with the tagged status ({@code OK},
 * {@code NO}, {@code BAD}), {@code BYE} when the server closed the session instead, or
 * {@code TIMEOUT}, {@code CANCELLED} or {@code ERROR} when no tagged completion arrived. Only the
 * verb is passed, never an argument. The first end wins; later signals are ignored.
 */
final class CommandMeter {

    private final MailClientMetricsRecorder metrics;
    private final String verb;
    private final BiFunction<String, StatusResponse, Throwable> refusal;
    private final long start;
    private final PhaseHandle phase;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile StatusResponse.@Nullable Kind tagged;
    private volatile @Nullable StatusResponse refused;
    private volatile boolean bye;

    private CommandMeter(MailClientMetricsRecorder metrics, Endpoint endpoint, String verb,
            BiFunction<String, StatusResponse, Throwable> refusal) {
        this.metrics = metrics;
        this.verb = verb;
        this.refusal = refusal;
        this.start = System.nanoTime();
        this.phase = metrics.startPhase(MailPhase.COMMAND, endpoint, verb);
    }

    /**
     * Starts measuring a command that is about to be written.
     *
     * @param metrics the recorder
     * @param endpoint the session's endpoint
     * @param verb the command name, upper-case
     * @param refusal builds the typed failure of a NO or BAD completion, for the phase
     * @return the meter
     */
    static CommandMeter start(MailClientMetricsRecorder metrics, Endpoint endpoint, String verb,
            BiFunction<String, StatusResponse, Throwable> refusal) {
        return new CommandMeter(metrics, endpoint, verb, refusal);
    }

    /** The tagged completion arrived. */
    void tagged(StatusResponse status) {
        tagged = status.kind();
        if (status.kind() != StatusResponse.Kind.OK) {
            refused = status;
        }
    }

    /** An untagged BYE was routed to the command. */
    void bye() {
        bye = true;
    }

    /** The command's responses completed. */
    void completed() {
        StatusResponse.Kind kind = tagged;
        if (kind == null) {
            failed(new ProtocolViolationException(verb + " ended without a tagged completion"));
            return;
        }
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        record(kind.name());
        StatusResponse status = refused;
        if (status == null) {
            phase.succeeded();
        } else {
            phase.failed(refusal.apply(verb, status));
        }
    }

    /**
     * The command failed before or after its completion.
     *
     * @param failure the failure
     */
    void failed(Throwable failure) {
        if (tagged != null) {
            completed();
            return;
        }
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        record(bye ? "BYE" : failure instanceof MailTimeoutException ? "TIMEOUT" : "ERROR");
        phase.failed(failure);
    }

    /** The subscriber cancelled; after the tagged completion that is the command's normal end. */
    void cancelled() {
        if (tagged != null) {
            completed();
            return;
        }
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        record("CANCELLED");
        phase.cancelled();
    }

    private void record(String status) {
        metrics.recordCommand(MailProtocol.IMAP, verb, status, Duration.ofNanos(System.nanoTime() - start));
    }
}
