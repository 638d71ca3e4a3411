package io.deepmail.benchmarks.worker;

import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * One measured repetition.
 *
 * @param ops operations completed
 * @param errors operations failed
 * @param wallNanos elapsed time
 * @param cpuNanos process CPU time spent
 * @param allocatedBytes bytes allocated by live threads
 * @param latency latency of each completed operation, microseconds
 * @param firstError the first failure, if any
 */
record Iteration(long ops, long errors, long wallNanos, long cpuNanos, long allocatedBytes, Histogram latency,
        @Nullable String firstError) {

    double opsPerSecond() {
        return ops * 1e9 / wallNanos;
    }

    JsonObject toJson() {
        long n = Math.max(1, ops);
        JsonObject o = new JsonObject()
                .put("ops", ops)
                .put("errors", errors)
                .put("seconds", wallNanos / 1e9)
                .put("opsPerSec", opsPerSecond())
                .put("cpuUsPerOp", cpuNanos / 1e3 / n)
                .put("allocBytesPerOp", (double) allocatedBytes / n)
                .put("p50Us", (double) latency.getValueAtPercentile(50))
                .put("p99Us", (double) latency.getValueAtPercentile(99))
                .put("maxUs", (double) latency.getMaxValue());
        if (firstError != null) {
            o.put("firstError", firstError);
        }
        return o;
    }
}
