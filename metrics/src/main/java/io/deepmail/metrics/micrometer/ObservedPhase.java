package io.deepmail.metrics.micrometer;

import io.deepmail.core.Endpoint;
import io.deepmail.core.metrics.MailPhase;
import io.deepmail.core.metrics.PhaseHandle;
import io.micrometer.observation.Observation;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A running phase: stops its observation, if any, and for authentication records
 * {@link MailMeters#AUTHENTICATION_DURATION}. Only the first end call counts.
 */
final class ObservedPhase implements PhaseHandle {

    private final AtomicBoolean ended = new AtomicBoolean();
    private final Meters meters;
    private final MailPhase phase;
    private final Endpoint endpoint;
    private final String detail;
    private final long startNanos = System.nanoTime();
    private final @Nullable Observation observation;
    private final @Nullable MailObservationContext context;

    ObservedPhase(Meters meters, MailPhase phase, Endpoint endpoint, String detail,
            @Nullable Observation observation, @Nullable MailObservationContext context) {
        this.meters = meters;
        this.phase = phase;
        this.endpoint = endpoint;
        this.detail = detail;
        this.observation = observation;
        this.context = context;
    }

    @Override
    public void succeeded() {
        end(MailObservationContext.SUCCESS, null);
    }

    @Override
    public void failed(Throwable failure) {
        end(MailObservationContext.FAILURE, failure);
    }

    @Override
    public void cancelled() {
        end(MailObservationContext.CANCELLED, null);
    }

    private void end(String outcome, @Nullable Throwable failure) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        if (phase == MailPhase.AUTHENTICATION) {
            meters.time(MailMeters.AUTHENTICATION_DURATION, Duration.ofNanos(System.nanoTime() - startNanos),
                    TagValues.protocol(endpoint.protocol()), CommandVerbs.mechanism(detail), outcome);
        }
        if (observation != null && context != null) {
            context.outcome(outcome);
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        }
    }
}
