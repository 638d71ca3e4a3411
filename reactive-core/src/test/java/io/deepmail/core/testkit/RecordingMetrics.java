package io.deepmail.core.testkit;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.metrics.MailPhase;
import io.deepmail.core.metrics.PhaseHandle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A recorder that keeps every command and every phase it is told about, and fails a phase that is
 * ended twice. Thread-safe; never blocks.
 */
public final class RecordingMetrics implements MailClientMetricsRecorder {

    /** One recorded command. */
    public record Command(MailProtocol protocol, String verb, String status, Duration duration) {

        @Override
        public String toString() {
            return verb + " " + status;
        }
    }

    /** Every command recorded, in order. */
    public final List<Command> commands = new CopyOnWriteArrayList<>();
    /** Each phase as {@code "PHASE detail outcome"}, in the order they ended. */
    public final List<String> phases = new CopyOnWriteArrayList<>();
    /** Misuses seen: negative durations, phases ended twice. */
    public final List<String> problems = new CopyOnWriteArrayList<>();

    @Override
    public void recordCommand(MailProtocol protocol, String verb, String status, Duration duration) {
        if (duration.isNegative()) {
            problems.add("negative duration for " + verb);
        }
        commands.add(new Command(protocol, verb, status, duration));
    }

    @Override
    public PhaseHandle startPhase(MailPhase phase, Endpoint endpoint, String detail) {
        if (phase == MailPhase.CONNECT || phase == MailPhase.TLS_HANDSHAKE) {
            return PhaseHandle.NOOP;
        }
        String name = phase + " " + detail;
        AtomicBoolean ended = new AtomicBoolean();
        return new PhaseHandle() {
            @Override
            public void succeeded() {
                end("succeeded");
            }

            @Override
            public void failed(Throwable failure) {
                end("failed " + failure.getClass().getSimpleName());
            }

            @Override
            public void cancelled() {
                end("cancelled");
            }

            private void end(String outcome) {
                if (ended.compareAndSet(false, true)) {
                    phases.add(name + " " + outcome);
                } else {
                    problems.add(name + " ended again: " + outcome);
                }
            }
        };
    }

    /** The commands as {@code "VERB STATUS"}. */
    public List<String> commandLines() {
        return commands.stream().map(Command::toString).toList();
    }
}
