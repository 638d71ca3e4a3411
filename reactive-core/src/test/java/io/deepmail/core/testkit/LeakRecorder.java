package io.deepmail.core.testkit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every leak Netty's detector reports, so that a leak fails the build instead of only
 * being logged. Installed once per test JVM by {@link LeakDetectionSessionListener}, before any
 * buffer class is initialised; checked after each test class by {@link LeakDetectionExtension}.
 */
public final class LeakRecorder {

    private static final List<String> LEAKS = new ArrayList<>();
    private static volatile boolean installed;

    private LeakRecorder() {
    }

    /** Installs the recording detector factory; idempotent. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
        installed = true;
    }

    /**
     * Whether the recording factory is in place.
     *
     * @return {@code true} once installed
     */
    public static boolean installed() {
        return installed;
    }

    /**
     * Collects garbage, makes the detector poll its queue, and returns and clears what it found.
     *
     * @return leak reports since the last call
     * @throws InterruptedException if interrupted while waiting for the collector
     */
    public static List<String> drain() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
            // Leak reports are emitted when the detector tracks a new object.
            ByteBuf probe = PooledByteBufAllocator.DEFAULT.directBuffer(8);
            probe.release();
            ByteBuf heap = PooledByteBufAllocator.DEFAULT.heapBuffer(8);
            heap.release();
        }
        synchronized (LEAKS) {
            List<String> copy = List.copyOf(LEAKS);
            LEAKS.clear();
            return copy;
        }
    }

    static void record(String report) {
        synchronized (LEAKS) {
            LEAKS.add(report);
        }
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {

        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                long maxActive) {
            return new RecordingDetector<>(resource, samplingInterval);
        }
    }

    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {

        RecordingDetector(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            super.reportTracedLeak(resourceType, records);
            record("LEAK: " + resourceType + records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            super.reportUntracedLeak(resourceType);
            record("LEAK: " + resourceType + " (untraced)");
        }
    }
}
