package io.deepmail.core.transport;

import static io.deepmail.core.transport.EngineFixture.FINAL_LINE;
import static io.deepmail.core.transport.EngineFixture.VERIFY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Reading follows demand: a slow subscriber stops reading from the socket. */
class ExchangeBackpressureUnitTests {

    @Test
    @DisplayName("the engine turns autoRead off when installed")
    void autoReadOff() {
        var fx = EngineFixture.fifo();
        assertThat(fx.channel.config().isAutoRead()).isFalse();
    }

    @Test
    @DisplayName("nothing is read while an exchange's subscriber has no demand")
    void noReadWithoutExchangeDemand() {
        var fx = EngineFixture.fifo();
        fx.engine.exchange("NOOP", FINAL_LINE).as(f -> StepVerifier.create(f, 0))
                .then(() -> assertThat(fx.written()).containsExactly("NOOP"))
                .then(() -> assertThat(fx.reads()).isZero())
                .thenRequest(1)
                .then(() -> assertThat(fx.reads()).isEqualTo(1))
                .then(() -> fx.respond("250 ok"))
                .expectNext("250 ok")
                .expectComplete()
                .verify(VERIFY);
    }

    @Test
    @DisplayName("with nothing in flight, the unsolicited subscriber's demand drives reading")
    void unsolicitedDemandDrivesReading() {
        var fx = EngineFixture.fifo();
        fx.engine.unsolicited().as(f -> StepVerifier.create(f, 0))
                .then(() -> assertThat(fx.reads()).isZero())
                .thenRequest(1)
                .then(() -> assertThat(fx.reads()).isEqualTo(1))
                .thenCancel()
                .verify(VERIFY);
    }

    @Test
    @DisplayName("with demand 1 the engine asks for one read per response it still needs")
    void readsFollowDemand() {
        var fx = EngineFixture.fifo();
        fx.engine.exchange("LIST", FINAL_LINE).as(f -> StepVerifier.create(f, 1))
                .then(() -> assertThat(fx.reads()).as("first demand").isEqualTo(1))
                .then(() -> fx.respond("250-one", "250-two"))
                .expectNext("250-one")
                .then(() -> assertThat(fx.reads()).as("demand met, one response buffered").isEqualTo(1))
                .thenRequest(1)
                .expectNext("250-two")
                .then(() -> assertThat(fx.reads()).as("served from the buffer").isEqualTo(1))
                .thenRequest(1)
                .then(() -> assertThat(fx.reads()).as("buffer empty, demand left").isEqualTo(2))
                .then(() -> fx.respond("250 three"))
                .expectNext("250 three")
                .expectComplete()
                .verify(VERIFY);
        assertThat(fx.reads()).isEqualTo(2);
    }

    @Test
    @DisplayName("a read already requested is not requested again until it completes")
    void oneReadAtATime() {
        var fx = EngineFixture.fifo(EngineFixture.pipelined());
        StepVerifier first = fx.engine.exchange("ONE", FINAL_LINE).as(StepVerifier::create)
                .expectNext("250 one").expectComplete().verifyLater();
        StepVerifier second = fx.engine.exchange("TWO", FINAL_LINE).as(StepVerifier::create)
                .expectNext("250 two").expectComplete().verifyLater();
        assertThat(fx.reads()).isEqualTo(1);

        fx.respond("250 one");
        assertThat(fx.reads()).as("the second exchange still wants a reply").isEqualTo(2);
        fx.respond("250 two");
        assertThat(fx.reads()).as("nothing left to read for").isEqualTo(2);

        first.verify(VERIFY);
        second.verify(VERIFY);
    }

    @Test
    @DisplayName("a cancelled exchange keeps reading until its last reply even without a subscriber")
    void cancelledExchangeKeepsReading() {
        var fx = EngineFixture.fifo();
        fx.engine.exchange("LIST", FINAL_LINE).take(1).as(StepVerifier::create)
                .then(() -> fx.respond("250-one"))
                .expectNext("250-one")
                .expectComplete()
                .verify(VERIFY);
        int afterCancel = fx.reads();
        fx.respond("250-two");
        assertThat(fx.reads()).isEqualTo(afterCancel + 1);
        fx.respond("250 three");
        assertThat(fx.reads()).isEqualTo(afterCancel + 1);
    }

    @Test
    @DisplayName("a large command stream is requested in batches and flushed once per synchronous batch")
    void commandsAreBatched() {
        var fx = EngineFixture.fifo();
        fx.engine.exchange(Flux.range(1, 100).map(i -> "line " + i), FINAL_LINE).subscribe();
        assertThat(fx.written()).hasSize(100).startsWith("line 1").endsWith("line 100");
    }
}
