package io.deepmail.core.latch;

import static io.deepmail.core.latch.Sessions.IMAPS;
import static io.deepmail.core.latch.Sessions.WAIT;
import static io.deepmail.core.latch.Sessions.account;
import static io.deepmail.core.latch.Sessions.tls13;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.LatchStoreException;
import io.deepmail.core.security.SecurityTag;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Restarting Redis during use, on a Redis server of this test's own (never the lab's): errors are
 * typed and fail closed, and nothing is lowered after recovery even though the restarted server
 * lost everything ({@code --save "" --appendonly no}).
 */
class RedisRestartIntegrationTests {

    private Process redis;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private Process start(int port) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", Integer.toString(port),
                    "--save", "", "--appendonly", "no").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            Assumptions.abort("redis-server is not installed: " + e.getMessage());
            throw e;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return p;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("redis-server did not start on " + port);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (redis != null) {
            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("L15/LAT-18: Redis killed and restarted empty: typed fail-closed errors meanwhile, nothing lowered after")
    void restart() throws Exception {
        int port = freePort();
        redis = start(port);
        LatchStore store = RedisLatchStores.create(RedisURI.create("127.0.0.1", port), Duration.ofMillis(500));
        try {
            Account alice = account();
            LatchService latches = LatchService.create(store);
            latches.admit(alice, tls13(IMAPS)).block(WAIT);
            latches.confirm(alice, IMAPS).block(WAIT);
            LatchState before = latches.state(alice).block(WAIT);
            assertThat(before.endpoint(IMAPS).state(SecurityTag.CERT_PKIX)).isEqualTo(TagState.NORMAL);

            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            latches.admit(alice, tls13(IMAPS)).as(StepVerifier::create)
                    .expectError(LatchStoreException.class).verify(WAIT);
            latches.state(alice).as(StepVerifier::create).expectError(LatchStoreException.class).verify(WAIT);

            redis = start(port);
            LatchState after = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (after == null && System.nanoTime() < deadline) {
                try {
                    after = latches.state(alice).block(WAIT);
                } catch (LatchStoreException reconnecting) {
                    Thread.sleep(200);
                }
            }
            assertThat(after).as("reconnected").isNotNull();
            assertThat(after.isAtLeast(before)).as("nothing lowered after recovery").isTrue();
            // The next session is still checked against the NORMAL latch, and its write heals Redis.
            latches.admit(alice, tls13(IMAPS)).as(StepVerifier::create).expectNextCount(1).expectComplete()
                    .verify(WAIT);
            LatchStore fresh = RedisLatchStores.create(RedisURI.create("127.0.0.1", port));
            try {
                assertThat(fresh.load(alice.latchKey()).block(WAIT).endpoint(IMAPS).state(SecurityTag.CERT_PKIX))
                        .as("Redis itself holds the latch again").isEqualTo(TagState.NORMAL);
            } finally {
                fresh.dispose();
            }
        } finally {
            store.dispose();
        }
    }
}
