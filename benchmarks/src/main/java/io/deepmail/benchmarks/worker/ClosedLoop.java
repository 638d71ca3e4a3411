package io.deepmail.benchmarks.worker;

import io.deepmail.benchmarks.common.ProcessMeter;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed loop: {@code inflight} chains each start the next operation as soon as their previous
 * one completes, until the duration is over. Every operation's latency goes to an HdrHistogram
 * recorder; process CPU time and allocated bytes are read before and after.
 *
 * <p>Operations must complete asynchronously (on an event loop, or on a pool thread for blocking
 * peers), never inside {@code start}: a chain re-enters from the completing thread.
 */
final class ClosedLoop {

    /** The bound on waiting for the last operations after the duration. */
    private static final Duration DRAIN = Duration.ofSeconds(60);

    private ClosedLoop() {
    }

    static Iteration run(Supplier<CompletionStage<?>> operation, int inflight, Duration duration)
            throws InterruptedException {
        Recorder recorder = new Recorder(3_600_000_000L, 3);
        AtomicLong ops = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(inflight);
        long cpu0 = ProcessMeter.cpuNanos();
        long alloc0 = ProcessMeter.allocatedBytes();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int i = 0; i < inflight; i++) {
            new Chain(operation, recorder, ops, errors, firstError, done, deadline).next();
        }
        if (!done.await(duration.plus(DRAIN).toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("operations still running " + DRAIN + " after the measurement");
        }
        long wall = System.nanoTime() - start;
        long cpu = ProcessMeter.cpuNanos() - cpu0;
        long alloc = ProcessMeter.allocatedBytes() - alloc0;
        Histogram h = recorder.getIntervalHistogram();
        return new Iteration(ops.get(), errors.get(), wall, cpu, alloc, h, firstError.get());
    }

    private record Chain(Supplier<CompletionStage<?>> operation, Recorder recorder, AtomicLong ops,
            AtomicLong errors, AtomicReference<String> firstError, CountDownLatch done, long deadline) {

        void next() {
            if (System.nanoTime() >= deadline) {
                done.countDown();
                return;
            }
            long t0 = System.nanoTime();
            CompletionStage<?> stage;
            try {
                stage = operation.get();
            } catch (RuntimeException e) {
                failed(e);
                done.countDown();
                return;
            }
            stage.whenComplete((v, e) -> {
                if (e == null) {
                    recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                    ops.incrementAndGet();
                } else {
                    failed(e);
                }
                next();
            });
        }

        private void failed(Throwable e) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, e.toString());
        }
    }
}
