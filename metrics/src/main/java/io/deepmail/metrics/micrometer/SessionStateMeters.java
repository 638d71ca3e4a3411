package io.deepmail.metrics.micrometer;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.SessionObserver;
import io.micrometer.core.instrument.Gauge;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The session observer half of the recorder: {@link MailMeters#SESSIONS_OPEN}, one gauge per
 * protocol registered on its first session, and {@link MailMeters#SESSION_STATES}. Security and
 * latch events are left to the recorder, so wiring both never counts them twice.
 */
final class SessionStateMeters implements SessionObserver {

    private final Meters meters;
    private final ConcurrentMap<MailProtocol, AtomicInteger> open = new ConcurrentHashMap<>();

    SessionStateMeters(Meters meters) {
        this.meters = meters;
    }

    @Override
    public void onStateChange(Endpoint endpoint, State state) {
        String protocol = TagValues.protocol(endpoint.protocol());
        meters.count(MailMeters.SESSION_STATES, null, protocol, TagValues.state(state));
        if (state == State.CONNECTED) {
            gauge(endpoint.protocol()).incrementAndGet();
        } else if (state == State.DISCONNECTED) {
            gauge(endpoint.protocol()).decrementAndGet();
        }
    }

    private AtomicInteger gauge(MailProtocol protocol) {
        return open.computeIfAbsent(protocol, p -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder(MailMeters.SESSIONS_OPEN.getName(), count, AtomicInteger::get)
                    .tag(MailMeterNames.PROTOCOL, TagValues.protocol(p))
                    .strongReference(true)
                    .register(meters.registry());
            return count;
        });
    }
}
