package io.deepmail.core.latch;

import io.deepmail.core.security.SecurityTag;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child process of the crash test: raises one latch after another in an embedded store and
 * prints {@code ACK n} after each write is acknowledged, until it is killed.
 */
public final class CrashingWriter {

    private CrashingWriter() {
    }

    /**
     * Runs the writer.
     *
     * @param args the store file and the account key
     */
    public static void main(String[] args) {
        LatchStore store = LatchStores.embedded(Path.of(args[0]));
        System.out.println("READY");
        System.out.flush();
        for (int i = 0; i < 1_000_000; i++) {
            LatchState raise = LatchState.EMPTY.with(ConcurrentWriters.endpoint(i),
                    EndpointLatches.EMPTY.with(SecurityTag.CERT_PKIX, TagLatch.of(TagState.NORMAL)));
            store.merge(args[1], raise).block(Duration.ofSeconds(30));
            System.out.println("ACK " + i);
            System.out.flush();
        }
    }
}
