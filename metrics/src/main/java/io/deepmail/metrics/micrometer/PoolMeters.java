package io.deepmail.metrics.micrometer;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.metrics.PoolGauges;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;
import reactor.core.Disposable;

/**
 * The pool gauges: {@link MailMeters#POOL_ACQUIRED}, {@link MailMeters#POOL_IDLE},
 * {@link MailMeters#POOL_PENDING} and {@link MailMeters#POOL_ALLOCATED}, tagged by protocol only.
 * Each gauge sums over every live pool of its protocol, so many pools (one per account) add no
 * meters; the gauges are registered with the first pool of a protocol and removed with its last.
 */
final class PoolMeters {

    private final Meters meters;
    private final Map<MailProtocol, Registered> byProtocol = new EnumMap<>(MailProtocol.class);

    /** The live pools of one protocol and the four gauges summing them. */
    private static final class Registered {
        final List<PoolGauges> pools = new CopyOnWriteArrayList<>();
        final List<Meter> gauges = new ArrayList<>(4);

        int sum(ToIntFunction<PoolGauges> size) {
            int total = 0;
            for (PoolGauges pool : pools) {
                total += size.applyAsInt(pool);
            }
            return total;
        }
    }

    PoolMeters(Meters meters) {
        this.meters = meters;
    }

    synchronized Disposable register(MailProtocol protocol, PoolGauges pool) {
        Registered registered = byProtocol.computeIfAbsent(protocol, this::gauges);
        registered.pools.add(pool);
        return new Disposable() {
            private volatile boolean disposed;

            @Override
            public void dispose() {
                if (!disposed) {
                    disposed = true;
                    remove(protocol, pool);
                }
            }

            @Override
            public boolean isDisposed() {
                return disposed;
            }
        };
    }

    private synchronized void remove(MailProtocol protocol, PoolGauges pool) {
        Registered registered = byProtocol.get(protocol);
        if (registered == null || !registered.pools.remove(pool) || !registered.pools.isEmpty()) {
            return;
        }
        registered.gauges.forEach(meters.registry()::remove);
        byProtocol.remove(protocol);
    }

    private Registered gauges(MailProtocol protocol) {
        Registered registered = new Registered();
        gauge(registered, protocol, MailMeters.POOL_ACQUIRED, PoolGauges::acquired);
        gauge(registered, protocol, MailMeters.POOL_IDLE, PoolGauges::idle);
        gauge(registered, protocol, MailMeters.POOL_PENDING, PoolGauges::pendingAcquires);
        gauge(registered, protocol, MailMeters.POOL_ALLOCATED, PoolGauges::allocated);
        return registered;
    }

    private void gauge(Registered registered, MailProtocol protocol, MailMeters meter, ToIntFunction<PoolGauges> size) {
        registered.gauges.add(Gauge.builder(meter.getName(), registered, r -> r.sum(size))
                .tag(MailMeterNames.PROTOCOL, TagValues.protocol(protocol))
                .strongReference(true)
                .register(meters.registry()));
    }
}
