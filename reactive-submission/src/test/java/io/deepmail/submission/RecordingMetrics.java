package io.deepmail.submission;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.metrics.MailPhase;
import io.deepmail.core.metrics.PhaseHandle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A metrics recorder that keeps what it is told, as {@code "VERB status"} and {@code "PHASE detail outcome"}. */
final class RecordingMetrics implements MailClientMetricsRecorder {

    final List<String> commands = new CopyOnWriteArrayList<>();
    final List<String> phases = new CopyOnWriteArrayList<>();
    final List<Duration> durations = new CopyOnWriteArrayList<>();

    /** The authentication phase's events. */
    List<String> authentication() {
        return phases.stream().filter(p -> p.startsWith(MailPhase.AUTHENTICATION.name())).toList();
    }

    @Override
    public void recordCommand(MailProtocol protocol, String verb, String status, Duration duration) {
        if (protocol != MailProtocol.SUBMISSION) {
            throw new AssertionError("recorded as " + protocol);
        }
        commands.add(verb + " " + status);
        durations.add(duration);
    }

    @Override
    public PhaseHandle startPhase(MailPhase phase, Endpoint endpoint, String detail) {
        String name = phase + " " + detail;
        phases.add(name + " started");
        return new PhaseHandle() {
            @Override
            public void succeeded() {
                phases.add(name + " succeeded");
            }

            @Override
            public void failed(Throwable failure) {
                phases.add(name + " failed " + failure.getClass().getSimpleName());
            }

            @Override
            public void cancelled() {
                phases.add(name + " cancelled");
            }
        };
    }
}
