package io.deepmail.benchmarks.worker;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An event-loop probe: a task on every event loop every millisecond that records how late it ran.
 * The largest lateness is the longest time the loop was busy with something else (or descheduled
 * by the OS, which on a loaded machine counts too).
 */
final class StallProbe implements AutoCloseable {

    /** A peer whose event loops can be probed. */
    interface Loops {
        EventLoopGroup eventLoops();
    }

    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final AtomicLong maxLateNanos = new AtomicLong();

    private StallProbe() {
    }

    static StallProbe forPeer(Peer peer, boolean enabled) {
        StallProbe probe = new StallProbe();
        if (enabled && peer instanceof Loops loops) {
            for (EventExecutor e : loops.eventLoops()) {
                long[] last = {0};
                probe.tasks.add(e.scheduleAtFixedRate(() -> {
                    long now = System.nanoTime();
                    if (last[0] != 0) {
                        probe.maxLateNanos.accumulateAndGet(now - last[0] - PERIOD_NANOS, Math::max);
                    }
                    last[0] = now;
                }, 1, 1, TimeUnit.MILLISECONDS));
            }
        }
        return probe;
    }

    boolean active() {
        return !tasks.isEmpty();
    }

    void reset() {
        maxLateNanos.set(0);
    }

    double maxStallMillis() {
        return maxLateNanos.get() / 1e6;
    }

    @Override
    public void close() {
        tasks.forEach(t -> t.cancel(false));
    }
}
