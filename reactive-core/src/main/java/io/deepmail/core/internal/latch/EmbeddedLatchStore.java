package io.deepmail.core.internal.latch;

import io.deepmail.core.LatchStoreException;
import io.deepmail.core.latch.LatchState;
import io.deepmail.core.latch.LatchStore;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The durable default: one H2 MVStore file, one map from account key to {@link LatchCodec#toText}.
 * Writes are serialised by one lock, joined, committed and synced to disk before they are
 * acknowledged, so an acknowledged raise survives a crash of the process or the machine. Every call
 * runs on {@link Schedulers#boundedElastic()}, never on the caller's thread: MVStore blocks. A
 * cancelled call is not interrupted (see {@link #call}).
 */
public final class EmbeddedLatchStore implements LatchStore {

    private final Path file;
    private final MVStore store;
    private final MVMap<String, String> latches;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Scheduler scheduler = Schedulers.boundedElastic();

    private EmbeddedLatchStore(Path file, MVStore store) {
        this.file = file;
        this.store = store;
        this.latches = store.openMap("latches");
    }

    /**
     * Opens (or creates) the store file. Blocking: call it at start-up, off any event loop.
     *
     * @param file the file
     * @return the store
     * @throws LatchStoreException when the file cannot be opened, e.g. because another process holds it
     */
    public static EmbeddedLatchStore open(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
            return new EmbeddedLatchStore(file, store);
        } catch (RuntimeException | java.io.IOException e) {
            throw new LatchStoreException("cannot open latch store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Mono<LatchState> load(String key) {
        Objects.requireNonNull(key, "key");
        return call(() -> read(key));
    }

    @Override
    public Mono<LatchState> merge(String key, LatchState proposal) {
        Objects.requireNonNull(proposal, "proposal");
        return call(() -> locked(() -> write(key, read(key), proposal)));
    }

    @Override
    public Mono<Boolean> compareAndSet(String key, long expectedRevision, LatchState proposal) {
        Objects.requireNonNull(proposal, "proposal");
        return call(() -> locked(() -> {
            LatchState current = read(key);
            if (current.revision() != expectedRevision) {
                return false;
            }
            write(key, current, proposal);
            return true;
        }));
    }

    private LatchState read(String key) {
        String text = latches.get(key);
        return text == null ? LatchState.EMPTY : LatchCodec.fromText(text);
    }

    private LatchState write(String key, LatchState current, LatchState proposal) {
        LatchState next = StoredStates.write(current, proposal);
        if (next != current) {
            latches.put(key, LatchCodec.toText(next));
            store.commit();
            store.sync();
        }
        return next;
    }

    private <T> T locked(Callable<T> action) throws Exception {
        writeLock.lock();
        try {
            return action.call();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs {@code action} on a bounded-elastic worker and relays its result. A cancelled subscriber
     * does not cancel the work: MVStore's file channel is an interruptible channel, and an interrupt
     * in the middle of a commit closes the whole store for good, so a race that cancels a losing
     * attempt while its latch gate writes would break every later session. The worker's task is
     * never disposed, so the write finishes and its result is dropped; it only ever joins, so
     * finishing it is always safe. The result is emitted on the worker.
     */
    private <T> Mono<T> call(Callable<T> action) {
        return Mono.<T>create(sink -> scheduler.schedule(() -> {
            try {
                if (store.isClosed()) {
                    throw new LatchStoreException("latch store " + file + " is closed", null);
                }
                sink.success(action.call());
            } catch (Exception | Error e) {
                sink.error(e);
            }
        })).onErrorMap(e -> !(e instanceof LatchStoreException),
                e -> new LatchStoreException("latch store " + file + " failed: " + e.getMessage(), e));
    }

    @Override
    public void dispose() {
        writeLock.lock();
        try {
            if (!store.isClosed()) {
                store.close();
            }
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public boolean isDisposed() {
        return store.isClosed();
    }

    @Override
    public String toString() {
        return "EmbeddedLatchStore[" + file + "]";
    }
}
