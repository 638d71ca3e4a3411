package io.deepmail.core.internal.transport;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Measures the server's silence while a response is awaited, in the style of an idle-state
 * handler: one scheduled check at a time, re-armed for the remaining time when responses keep
 * arriving, so activity costs a clock read rather than a reschedule. Uses the event loop's clock,
 * so tests can move it forward. Event loop only.
 */
final class ResponseTimer implements Runnable {

    private final long timeoutNanos;
    private final Runnable onTimeout;
    private @Nullable EventExecutor executor;
    private @Nullable ScheduledFuture<?> check;
    private long lastActivity;
    private boolean armed;

    ResponseTimer(Duration timeout, Runnable onTimeout) {
        this.timeoutNanos = timeout.toNanos();
        this.onTimeout = onTimeout;
    }

    /** Starts measuring if {@code awaiting} and not yet armed; stops measuring if not. */
    void update(EventExecutor loop, boolean awaiting) {
        if (awaiting == armed) {
            return;
        }
        armed = awaiting;
        if (awaiting) {
            executor = loop;
            lastActivity = loop.ticker().nanoTime();
            if (check == null) {
                check = loop.schedule(this, timeoutNanos, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Records that the server sent something. */
    void activity() {
        EventExecutor loop = executor;
        if (armed && loop != null) {
            lastActivity = loop.ticker().nanoTime();
        }
    }

    /** Stops measuring for good. */
    void stop() {
        armed = false;
        ScheduledFuture<?> pending = check;
        check = null;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    @Override
    public void run() {
        check = null;
        EventExecutor loop = executor;
        if (!armed || loop == null) {
            return;
        }
        long silent = loop.ticker().nanoTime() - lastActivity;
        if (silent >= timeoutNanos) {
            armed = false;
            onTimeout.run();
        } else {
            check = loop.schedule(this, timeoutNanos - silent, TimeUnit.NANOSECONDS);
        }
    }
}
