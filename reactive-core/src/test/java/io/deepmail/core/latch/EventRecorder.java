package io.deepmail.core.latch;

import io.deepmail.core.Endpoint;
import io.deepmail.core.SessionObserver;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Records latch events from the observer and the metrics SPI. */
final class EventRecorder implements SessionObserver, MailClientMetricsRecorder {

    final List<LatchEvent> events = new CopyOnWriteArrayList<>();
    final List<LatchEvent> metered = new CopyOnWriteArrayList<>();
    final List<String> states = new CopyOnWriteArrayList<>();
    private volatile Consumer<PendingViolation> onPending = p -> { };

    EventRecorder onPending(Consumer<PendingViolation> action) {
        this.onPending = action;
        return this;
    }

    @Override
    public void onStateChange(Endpoint endpoint, State state) {
        states.add(state.name());
    }

    @Override
    public void onLatchEvent(LatchEvent event) {
        events.add(event);
        if (event instanceof PendingViolation p) {
            onPending.accept(p);
        }
    }

    @Override
    public void recordLatchEvent(LatchEvent event) {
        metered.add(event);
    }

    <E extends LatchEvent> List<E> of(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    LatchService wire(LatchService service) {
        return service.observe(this).metrics(this);
    }
}
