package io.deepmail.benchmarks.jmh;

import io.deepmail.benchmarks.common.TempDirs;
import io.deepmail.core.latch.LatchState;
import io.deepmail.core.latch.LatchStore;
import io.deepmail.core.latch.LatchStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * B6: the read a latch check does before credentials are sent, {@code LatchStore.load}, on the
 * embedded (MVStore) store after 10,000 accounts were looked up: an unlatched account, the common
 * case.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LatchCheckBenchmark {

    private Path dir;
    private LatchStore store;

    /**
     * Opens the store in a temporary directory and fills it.
     *
     * @throws IOException when the directory cannot be made
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("bench-latch");
        store = LatchStores.embedded(dir.resolve("latches.db"));
        for (int i = 0; i < 10_000; i++) {
            store.load("user" + i + "@bench.test").block();
        }
    }

    /**
     * Closes and deletes the store.
     *
     * @throws IOException when a file cannot be deleted
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.dispose();
        TempDirs.deleteTree(dir);
    }

    /**
     * One account's stored state.
     *
     * @return the state
     */
    @Benchmark
    public LatchState load() {
        return store.load("user4242@bench.test").block();
    }
}
