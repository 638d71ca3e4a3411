package io.deepmail.metrics.micrometer;

import io.deepmail.core.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The counters and timers of one recorder, registered on first use and then found by
 * {@link MeterKey} without going back to the registry. Tag values come from bounded sets, so the
 * caches are bounded too.
 */
final class Meters {

    private final MeterRegistry registry;
    private final MailMetricsOptions options;
    private final ConcurrentMap<MeterKey, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<MeterKey, Timer> timers = new ConcurrentHashMap<>();

    Meters(MeterRegistry registry, MailMetricsOptions options) {
        this.registry = registry;
        this.options = options;
    }

    MeterRegistry registry() {
        return registry;
    }

    /**
     * Counts one event.
     *
     * @param meter a counter
     * @param endpoint the endpoint, for the host tag of meters that accept it; may be {@code null}
     * @param values the tag values in documented order
     */
    void count(MailMeters meter, @Nullable Endpoint endpoint, String... values) {
        counters.computeIfAbsent(key(meter, endpoint, values),
                k -> Counter.builder(k.meter().getName()).tags(k.tags()).register(registry)).increment();
    }

    /**
     * Adds an amount to a counter that has a base unit.
     *
     * @param meter a counter
     * @param amount the amount
     * @param values the tag values in documented order
     */
    void add(MailMeters meter, double amount, String... values) {
        counters.computeIfAbsent(key(meter, null, values),
                k -> Counter.builder(k.meter().getName()).baseUnit(k.meter().getBaseUnit()).tags(k.tags())
                        .register(registry)).increment(amount);
    }

    /**
     * Records one duration.
     *
     * @param meter a timer
     * @param duration the duration
     * @param values the tag values in documented order
     */
    void time(MailMeters meter, Duration duration, String... values) {
        timers.computeIfAbsent(key(meter, null, values),
                k -> Timer.builder(k.meter().getName()).tags(k.tags())
                        .publishPercentileHistogram(options.percentileHistograms())
                        .register(registry)).record(duration);
    }

    private MeterKey key(MailMeters meter, @Nullable Endpoint endpoint, String... values) {
        List<String> all = new ArrayList<>(values.length + 1);
        all.addAll(List.of(values));
        if (options.hostTags() && meter.acceptsHostTag()) {
            all.add(endpoint == null ? MailMeterNames.NONE : endpoint.host());
        }
        return new MeterKey(meter, all);
    }
}
