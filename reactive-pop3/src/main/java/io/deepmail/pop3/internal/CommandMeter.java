package io.deepmail.pop3.internal;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.metrics.MailPhase;
import io.deepmail.core.metrics.PhaseHandle;
import io.deepmail.pop3.Pop3ErrException;
import io.deepmail.pop3.response.Err;
import io.deepmail.pop3.response.Pop3Response;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Measures one POP3 command for the transport's {@link MailClientMetricsRecorder}: a
 * {@link MailPhase#COMMAND} phase named by the verb, and one
 * {@link MailClientMetricsRecorder#recordCommand} call with the final status ({@code +OK} or
 * {@code -ERR}), or {@code TIMEOUT}, {@code CANCELLED} or {@code ERROR} when no final response
 * arrived. Only the verb is passed: never an argument, so USER and PASS say nothing about the
 * account. The first end wins; later signals are ignored.
 */
final class CommandMeter {

    private final MailClientMetricsRecorder metrics;
    private final String verb;
    private final long start;
    private final PhaseHandle phase;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile @Nullable String status;
    private volatile @Nullable Err refused;

    private CommandMeter(MailClientMetricsRecorder metrics, Endpoint endpoint, String verb) {
        this.metrics = metrics;
        this.verb = verb;
        this.start = System.nanoTime();
        this.phase = metrics.startPhase(MailPhase.COMMAND, endpoint, verb);
    }

    /**
     * Starts measuring a command that is about to be written.
     *
     * @param metrics the recorder
     * @param endpoint the session's endpoint
     * @param verb the command name, upper-case
     * @return the meter
     */
    static CommandMeter start(MailClientMetricsRecorder metrics, Endpoint endpoint, String verb) {
        return new CommandMeter(metrics, endpoint, verb);
    }

    /** A response to the command; the final one sets the status. */
    void response(Pop3Response response) {
        if (!response.isFinal()) {
            return;
        }
        if (response instanceof Err err) {
            refused = err;
            status = "-ERR";
        } else {
            status = "+OK";
        }
    }

    /** The command's responses completed. */
    void completed() {
        String s = status;
        if (s == null) {
            failed(new ProtocolViolationException(verb + " ended without a final response"));
            return;
        }
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        record(s);
        Err err = refused;
        if (err == null) {
            phase.succeeded();
        } else {
            phase.failed(new Pop3ErrException(verb, err));
        }
    }

    /**
     * The command failed, before its final response or after it (a refusal raised downstream).
     *
     * @param failure the failure
     */
    void failed(Throwable failure) {
        if (status != null) {
            completed();
            return;
        }
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        record(failure instanceof MailTimeoutException ? "TIMEOUT" : "ERROR");
        phase.failed(failure);
    }

    /** The subscriber cancelled; after the final response that is the command's normal end. */
    void cancelled() {
        if (status != null) {
            completed();
            return;
        }
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        record("CANCELLED");
        phase.cancelled();
    }

    private void record(String s) {
        metrics.recordCommand(MailProtocol.POP3, verb, s, Duration.ofNanos(System.nanoTime() - start));
    }
}
