package io.deepmail.core.internal.latch;

import io.deepmail.core.SessionObserver;
import io.deepmail.core.latch.LatchEvent;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers latch events to the observer, the metrics recorder and the {@code io.deepmail.latch}
 * logger. An observer that throws is logged and does not break the session's checks.
 *
 * @param observer the observer
 * @param metrics the recorder
 */
public record LatchEvents(SessionObserver observer, MailClientMetricsRecorder metrics) {

    /** The logger every latch event is written to. */
    public static final String LOGGER = "io.deepmail.latch";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    /**
     * Publishes one event.
     *
     * @param event the event
     */
    public void publish(LatchEvent event) {
        switch (event.kind()) {
            case VIOLATED, STORE_UNAVAILABLE, RESET -> LOG.warn("{}", event);
            case WARNED, PENDING, ADVERTISEMENT_IGNORED -> LOG.info("{}", event);
            default -> LOG.debug("{}", event);
        }
        try {
            observer.onLatchEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("session observer failed on {}", event.kind(), e);
        }
        try {
            metrics.recordLatchEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("metrics recorder failed on {}", event.kind(), e);
        }
    }

    /**
     * Publishes events in order.
     *
     * @param events the events
     */
    public void publishAll(List<LatchEvent> events) {
        events.forEach(this::publish);
    }
}
