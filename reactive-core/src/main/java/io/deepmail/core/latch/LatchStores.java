package io.deepmail.core.latch;

import io.deepmail.core.internal.latch.EmbeddedLatchStore;
import io.deepmail.core.internal.latch.InMemoryLatchStore;
import java.nio.file.Path;

/**
 * The latch stores that need nothing beyond deepmail itself. For many nodes sharing accounts, see
 * {@link RedisLatchStores}.
 *
 * @since 0.1
 */
public final class LatchStores {

    private LatchStores() {
    }

    /**
     * A store in memory: for tests and short-lived programs. Latches are lost with the process.
     *
     * @return a new, empty store
     */
    public static LatchStore inMemory() {
        return new InMemoryLatchStore();
    }

    /**
     * The durable default: an embedded store in one file (H2 MVStore). An acknowledged write has
     * been committed and synced to disk, so it survives a crash. Calls run on Reactor's
     * bounded-elastic scheduler, never on an event loop. One process at a time may open a file.
     * Opening blocks briefly: do it at start-up. Dispose the store to close the file.
     *
     * @param file the store file; created with its directories when missing
     * @return the store
     * @throws io.deepmail.core.LatchStoreException when the file cannot be opened
     */
    public static LatchStore embedded(Path file) {
        return EmbeddedLatchStore.open(file);
    }
}
