package io.deepmail.metrics.micrometer;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.metrics.IdleEvent;
import io.micrometer.core.instrument.Gauge;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link MailMeters#IDLE_SESSIONS}, one gauge per protocol registered on its first IDLE, and
 * {@link MailMeters#IDLE_REFRESHES}. A session in IDLE costs one increment, not a meter.
 */
final class IdleMeters {

    private final Meters meters;
    private final ConcurrentMap<MailProtocol, AtomicInteger> inProgress = new ConcurrentHashMap<>();

    IdleMeters(Meters meters) {
        this.meters = meters;
    }

    void record(MailProtocol protocol, IdleEvent event) {
        switch (event) {
            case STARTED -> gauge(protocol).incrementAndGet();
            case ENDED -> gauge(protocol).decrementAndGet();
            case REFRESHED -> meters.count(MailMeters.IDLE_REFRESHES, null, TagValues.protocol(protocol));
        }
    }

    private AtomicInteger gauge(MailProtocol protocol) {
        return inProgress.computeIfAbsent(protocol, p -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder(MailMeters.IDLE_SESSIONS.getName(), count, AtomicInteger::get)
                    .tag(MailMeterNames.PROTOCOL, TagValues.protocol(p))
                    .strongReference(true)
                    .register(meters.registry());
            return count;
        });
    }
}
