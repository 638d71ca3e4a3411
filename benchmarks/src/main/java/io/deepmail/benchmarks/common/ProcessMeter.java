package io.deepmail.benchmarks.common;

import java.lang.management.ManagementFactory;

/**
 * Process CPU time and bytes allocated by the live threads of this JVM, read through the
 * {@code com.sun.management} extensions of the platform MX beans.
 */
public final class ProcessMeter {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ProcessMeter() {
    }

    /**
     * CPU time of the whole process, every thread and the JIT and GC included.
     *
     * @return nanoseconds
     */
    public static long cpuNanos() {
        return OS.getProcessCpuTime();
    }

    /**
     * Bytes allocated so far by the threads alive now. Threads that ended are not counted, so the
     * harness keeps its worker threads alive across a measurement.
     *
     * @return bytes
     */
    public static long allocatedBytes() {
        long sum = 0;
        for (long b : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            if (b > 0) {
                sum += b;
            }
        }
        return sum;
    }

    /**
     * Threads alive in this JVM.
     *
     * @return the count
     */
    public static int threads() {
        return THREADS.getThreadCount();
    }

    /**
     * The one-minute load average of the machine.
     *
     * @return the load, or -1 where the platform has none
     */
    public static double loadAverage() {
        return OS.getSystemLoadAverage();
    }
}
