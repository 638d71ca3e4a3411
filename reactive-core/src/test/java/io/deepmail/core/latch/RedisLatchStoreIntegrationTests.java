package io.deepmail.core.latch;

import static io.deepmail.core.latch.Sessions.IMAPS;
import static io.deepmail.core.latch.Sessions.WAIT;
import static io.deepmail.core.latch.Sessions.account;
import static io.deepmail.core.latch.Sessions.tls13;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.internal.latch.RedisLatchStore;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.testkit.LabEnvironment;
import io.lettuce.core.RedisURI;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The Redis latch store against the lab's Redis (L15). */
class RedisLatchStoreIntegrationTests {

    private LatchStore store;
    private final String key = "it-" + UUID.randomUUID() + "@example.test";

    @BeforeEach
    void connect() {
        LabEnvironment lab = LabEnvironment.require();
        // These tests are about joins and visibility, not latency: a generous command timeout keeps a
        // loaded machine from failing them on the 2 s default (which RedisRestartIntegrationTests covers).
        store = RedisLatchStores.create(RedisURI.create(lab.get("LAB_REDIS_HOST"), lab.port("LAB_REDIS_PORT")),
                java.time.Duration.ofSeconds(15));
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.dispose();
        }
    }

    @Test
    @DisplayName("L15: many writers raising different tags of one account at once lose nothing (server-side join)")
    void concurrentWriters() {
        ConcurrentWriters.raiseAll(store, key);
        ConcurrentWriters.assertNothingLost(store, key);
    }

    @Test
    @DisplayName("L15: a second node's store sees the first node's raises, and a reset on one is honoured by both")
    void twoNodes() {
        LabEnvironment lab = LabEnvironment.require();
        LatchStore other = RedisLatchStores.create(RedisURI.create(lab.get("LAB_REDIS_HOST"), lab.port("LAB_REDIS_PORT")));
        try {
            Account alice = Account.builder(key).credentials(Sessions.noCredentials()).build();
            LatchService node1 = LatchService.create(store);
            LatchService node2 = LatchService.create(other);
            node1.admit(alice, tls13(IMAPS)).block(WAIT);
            node1.confirm(alice, IMAPS).block(WAIT);
            assertThat(node2.state(alice).block(WAIT).endpoint(IMAPS).state(SecurityTag.CERT_PKIX))
                    .isEqualTo(TagState.NORMAL);
            node2.reset(alice, "test").block(WAIT);
            LatchState afterReset = node1.state(alice).block(WAIT);
            assertThat(afterReset.endpoints()).isEmpty();
            assertThat(afterReset.generation()).isEqualTo(1);
        } finally {
            other.dispose();
        }
    }

    @Test
    @DisplayName("L15: compare-and-set on Redis writes only at the expected revision")
    void compareAndSet() {
        LatchState raised = LatchState.EMPTY.with(IMAPS,
                EndpointLatches.EMPTY.with(SecurityTag.TLS, TagLatch.of(TagState.PROVISIONAL)));
        store.compareAndSet(key, 0, raised).as(StepVerifier::create).expectNext(true).expectComplete().verify(WAIT);
        store.compareAndSet(key, 0, raised).as(StepVerifier::create).expectNext(false).expectComplete().verify(WAIT);
        assertThat(store.load(key).block(WAIT).revision()).isEqualTo(1);
    }

    @Test
    @DisplayName("L15: keys carry a hash tag around the whole latch key, braces escaped, for Redis Cluster")
    void hashTags() {
        assertThat(RedisLatchStore.redisKey("alice@example.test")).isEqualTo("deepmail:latch:{alice@example.test}");
        assertThat(RedisLatchStore.redisKey("a}b{c%")).isEqualTo("deepmail:latch:{a%7Db%7Bc%25}");
        assertThat(account().latchKey()).isEqualTo("alice@example.test");
    }
}
