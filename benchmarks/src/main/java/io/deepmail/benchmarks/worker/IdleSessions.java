package io.deepmail.benchmarks.worker;

import io.deepmail.benchmarks.common.ProcessMeter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * B2: opens IMAP sessions (authenticate, SELECT, IDLE) up to each step, and after each step
 * records the retained heap (after GC), the process RSS and the live threads; then stays idle and
 * records the CPU the process uses. The report derives per-session slopes between steps.
 */
final class IdleSessions {

    /** A peer that can hold sessions open in IDLE. */
    interface Holder extends AutoCloseable {

        /**
         * Opens sessions until {@code total} are open and idling.
         *
         * @param total the number of sessions wanted
         * @throws Exception when a session cannot be opened
         */
        void openUntil(int total) throws Exception;

        /**
         * Sessions whose IDLE ended with an error so far.
         *
         * @return the count
         */
        long failures();

        @Override
        void close();
    }

    private IdleSessions() {
    }

    static JsonObject run(Holder holder, List<Integer> steps, Duration idle) throws Exception {
        JsonArray runs = new JsonArray();
        int open = 0;
        for (int step : steps) {
            long t0 = System.nanoTime();
            holder.openUntil(step);
            double seconds = (System.nanoTime() - t0) / 1e9;
            int opened = step - open;
            open = step;
            settle();
            runs.add(new JsonObject().put("sessions", step).put("setupPerSec", opened / seconds)
                    .put("heapBytes", (double) heapUsed()).put("rssBytes", (double) rss())
                    .put("threadCount", (double) ProcessMeter.threads()).put("idleFailures", holder.failures()));
        }
        long cpu0 = ProcessMeter.cpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep(idle.toMillis());
        double cpuPercent = (ProcessMeter.cpuNanos() - cpu0) * 100.0 / (System.nanoTime() - t0);
        return new JsonObject().put("steps", runs).put("idleCpuPercent", cpuPercent)
                .put("idleSeconds", idle.toSeconds()).put("idleFailures", holder.failures());
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Resident set size from {@code /proc/self/status}, or -1 where there is none. */
    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
