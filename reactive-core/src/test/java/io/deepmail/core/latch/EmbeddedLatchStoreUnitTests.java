package io.deepmail.core.latch;

import static io.deepmail.core.latch.Sessions.IMAPS;
import static io.deepmail.core.latch.Sessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.core.LatchStoreException;
import io.deepmail.core.security.SecurityTag;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The embedded MVStore latch store (L15). */
class EmbeddedLatchStoreUnitTests {

    @TempDir
    Path dir;

    @Test
    @DisplayName("L15: many writers raising different tags of one account at once lose nothing")
    void concurrentWriters() {
        LatchStore store = LatchStores.embedded(dir.resolve("latches.db"));
        try {
            ConcurrentWriters.raiseAll(store, "alice@example.test");
            ConcurrentWriters.assertNothingLost(store, "alice@example.test");
        } finally {
            store.dispose();
        }
        LatchStore reopened = LatchStores.embedded(dir.resolve("latches.db"));
        try {
            ConcurrentWriters.assertNothingLost(reopened, "alice@example.test");
        } finally {
            reopened.dispose();
        }
    }

    @Test
    @DisplayName("L15: compare-and-set writes only at the expected revision, and still only joins")
    void compareAndSet() {
        LatchStore store = LatchStores.embedded(dir.resolve("cas.db"));
        try {
            LatchState raised = LatchState.EMPTY.with(IMAPS,
                    EndpointLatches.EMPTY.with(SecurityTag.TLS, TagLatch.of(TagState.NORMAL)));
            store.compareAndSet("k", 0, raised).as(StepVerifier::create).expectNext(true).expectComplete().verify(WAIT);
            store.compareAndSet("k", 0, raised).as(StepVerifier::create).expectNext(false).expectComplete().verify(WAIT);
            store.compareAndSet("k", 1, LatchState.EMPTY).as(StepVerifier::create).expectNext(true).expectComplete()
                    .verify(WAIT);
            assertThat(store.load("k").block(WAIT).endpoint(IMAPS).state(SecurityTag.TLS)).isEqualTo(TagState.NORMAL);
        } finally {
            store.dispose();
        }
    }

    @Test
    @DisplayName("L15: a write cancelled mid-flight (a race's losing attempt) neither closes the store nor is lost half-way")
    void cancelledWritesKeepTheStoreOpen() {
        LatchStore store = LatchStores.embedded(dir.resolve("cancel.db"));
        try {
            for (int i = 0; i < 200; i++) {
                LatchState raised = LatchState.EMPTY.with(IMAPS,
                        EndpointLatches.EMPTY.with(SecurityTag.TLS, TagLatch.of(TagState.PROVISIONAL)));
                store.merge("account-" + i, raised).subscribe().dispose();
            }
            assertThat(store.isDisposed()).isFalse();
            LatchState raised = LatchState.EMPTY.with(IMAPS,
                    EndpointLatches.EMPTY.with(SecurityTag.TLS, TagLatch.of(TagState.NORMAL)));
            assertThat(store.merge("after", raised).block(WAIT).endpoint(IMAPS).state(SecurityTag.TLS))
                    .isEqualTo(TagState.NORMAL);
        } finally {
            store.dispose();
        }
    }

    @Test
    @DisplayName("L15: calls run off the caller's thread, on bounded-elastic, so an event loop is never blocked")
    void runsOffTheCallerThread() {
        LatchStore store = LatchStores.embedded(dir.resolve("threads.db"));
        try {
            String thread = Mono.defer(() -> store.load("k")).subscribeOn(Schedulers.parallel())
                    .map(s -> Thread.currentThread().getName()).block(WAIT);
            assertThat(thread).contains("boundedElastic");
        } finally {
            store.dispose();
        }
    }

    @Test
    @DisplayName("L15/LAT-18: a closed store and an unreadable record fail with typed errors")
    void typedFailures() throws Exception {
        LatchStore store = LatchStores.embedded(dir.resolve("closed.db"));
        store.dispose();
        store.load("k").as(StepVerifier::create).expectError(LatchStoreException.class).verify(WAIT);
        Files.writeString(dir.resolve("garbage.db"), "not an mvstore file, certainly not one at all");
        assertThatThrownBy(() -> LatchStores.embedded(dir.resolve("garbage.db")))
                .isInstanceOf(LatchStoreException.class);
    }
}
