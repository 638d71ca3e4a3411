package io.deepmail.benchmarks.worker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a blocking peer's work on a fixed pool, one thread per operation in flight, as a user of a
 * blocking library would. The threads live for the whole run so their allocations are counted.
 */
final class Blocking implements AutoCloseable {

    /** One blocking unit of work. */
    interface Work {
        void run() throws Exception;
    }

    private final ExecutorService pool;

    Blocking(int threads, String name) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    CompletionStage<?> submit(Work work) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        pool.execute(() -> {
            try {
                work.run();
                f.complete(null);
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
