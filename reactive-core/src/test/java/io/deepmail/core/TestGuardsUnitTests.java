package io.deepmail.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.testkit.LeakRecorder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Proves that the guards every test JVM relies on are really armed. */
class TestGuardsUnitTests {

    @Test
    @DisplayName("a leaked buffer is reported by the recording leak detector")
    void leakIsRecorded() throws Exception {
        leakOneBuffer();
        assertThat(LeakRecorder.drain()).anySatisfy(r -> assertThat(r).contains("LEAK").contains("ByteBuf"));
    }

    @Test
    @DisplayName("blocking on a non-blocking thread fails under BlockHound")
    void blockingIsDetected() {
        Mono.delay(Duration.ofMillis(1), Schedulers.parallel())
                .doOnNext(x -> {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .as(StepVerifier::create)
                .expectError(BlockingOperationError.class)
                .verify(Duration.ofSeconds(5));
    }

    private static void leakOneBuffer() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(16);
        leaked.writeInt(42);
        // deliberately never released
    }
}
