package io.deepmail.core.transport;

import static io.deepmail.core.transport.EngineFixture.FINAL_LINE;
import static io.deepmail.core.transport.EngineFixture.VERIFY;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.ConnectionException;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.ResponseQueueFullException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class ExchangeFailureUnitTests {

    @Test
    @DisplayName("when the connection closes, in-flight, queued and later exchanges fail with ConnectionException")
    void channelCloseFailsEverything() {
        var fx = EngineFixture.fifo();
        StepVerifier inFlight = fx.engine.exchange("NOOP", FINAL_LINE).as(StepVerifier::create)
                .expectNext("250-partial").expectError(ConnectionException.class).verifyLater();
        StepVerifier queued = fx.engine.exchange("QUIT", FINAL_LINE).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isExactlyInstanceOf(ConnectionException.class)
                        .hasMessageContaining("connection closed"))
                .verifyLater();
        StepVerifier unsolicited = fx.engine.unsolicited().as(StepVerifier::create)
                .expectError(ConnectionException.class).verifyLater();

        fx.respond("250-partial");
        fx.channel.close();

        inFlight.verify(VERIFY);
        queued.verify(VERIFY);
        unsolicited.verify(VERIFY);
        fx.engine.exchange("NOOP", FINAL_LINE).as(StepVerifier::create)
                .expectError(ConnectionException.class).verify(VERIFY);
        assertThat(fx.written()).containsExactly("NOOP");
    }

    @Test
    @DisplayName("a decoder failure carrying a ProtocolViolationException fails every exchange with that exception")
    void decoderFailureIsUnwrapped() {
        var fx = EngineFixture.fifo();
        fx.channel.pipeline().addBefore(ExchangeEngine.HANDLER_NAME, "decoder", new StrictDecoder());
        StepVerifier pending = fx.engine.exchange("NOOP", FINAL_LINE).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isSameAs(StrictDecoder.VIOLATION))
                .verifyLater();

        fx.respond("garbage");

        pending.verify(VERIFY);
        assertThat(fx.channel.isOpen()).isFalse();
    }

    @Test
    @DisplayName("close() fails pending exchanges, completes unsolicited() and closes the channel")
    void closeByClient() {
        var fx = EngineFixture.fifo();
        StepVerifier pending = fx.engine.exchange("NOOP", FINAL_LINE).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConnectionException.class)
                        .hasMessageContaining("by the client"))
                .verifyLater();
        StepVerifier unsolicited = fx.engine.unsolicited().as(StepVerifier::create)
                .expectComplete().verifyLater();

        fx.engine.close().as(StepVerifier::create).expectComplete().verify(VERIFY);

        pending.verify(VERIFY);
        unsolicited.verify(VERIFY);
        assertThat(fx.channel.isOpen()).isFalse();
    }

    @Test
    @DisplayName("an exchange used before the engine is installed fails with IllegalStateException")
    void notInstalled() {
        ExchangeEngine<String, String> engine = ExchangeEngine.create(FifoCorrelator.instance(),
                ExchangeOptions.defaults());
        engine.exchange("NOOP", FINAL_LINE).as(StepVerifier::create)
                .expectError(IllegalStateException.class).verify(VERIFY);
        engine.close().as(StepVerifier::create).expectComplete().verify(VERIFY);
    }

    @Test
    @DisplayName("silence beyond the response timeout fails with MailTimeoutException and closes the connection")
    void responseTimeout() {
        var fx = EngineFixture.fifo(ExchangeOptions.builder().responseTimeout(Duration.ofSeconds(2)).build());
        StepVerifier pending = fx.engine.exchange("NOOP", FINAL_LINE).as(StepVerifier::create)
                .expectNext("250-still working")
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MailTimeoutException.class)
                        .satisfies(t -> assertThat(((MailTimeoutException) t).phase()).isEqualTo("response"))
                        .satisfies(t -> assertThat(((MailTimeoutException) t).timeout())
                                .isEqualTo(Duration.ofSeconds(2))))
                .verifyLater();

        advance(fx, 1500);
        fx.respond("250-still working");
        advance(fx, 1500);
        assertThat(fx.channel.isOpen()).as("each response restarts the timer").isTrue();
        advance(fx, 600);

        pending.verify(VERIFY);
        assertThat(fx.channel.isOpen()).isFalse();
    }

    @Test
    @DisplayName("a subscriber without demand is not timed out: the server is not the slow party")
    void noTimeoutWithoutDemand() {
        var fx = EngineFixture.fifo(ExchangeOptions.builder().responseTimeout(Duration.ofSeconds(1)).build());
        StepVerifier pending = fx.engine.exchange("NOOP", FINAL_LINE).as(f -> StepVerifier.create(f, 0))
                .then(() -> advance(fx, 5000))
                .then(() -> fx.respond("250 ok"))
                .thenRequest(1)
                .expectNext("250 ok")
                .expectComplete()
                .verifyLater();
        pending.verify(VERIFY);
        assertThat(fx.channel.isOpen()).isTrue();
    }

    @Test
    @DisplayName("responses beyond the buffer bound fail with ResponseQueueFullException and close the connection")
    void responseBufferOverflow() {
        var fx = EngineFixture.fifo(ExchangeOptions.builder().maxBufferedResponses(2).build());
        fx.engine.exchange("LIST", FINAL_LINE).as(f -> StepVerifier.create(f, 0))
                .then(() -> fx.respond("250-one", "250-two"))
                .then(() -> assertThat(fx.channel.isOpen()).isTrue())
                .then(() -> fx.respond("250-three"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseQueueFullException.class)
                        .isInstanceOf(ProtocolViolationException.class))
                .verify(VERIFY);
        assertThat(fx.channel.isOpen()).isFalse();
    }

    @Test
    @DisplayName("a command publisher failing before writing fails only its exchange")
    void commandFailureBeforeWrite() {
        var fx = EngineFixture.fifo();
        var boom = new IllegalArgumentException("cannot encode");
        StepVerifier failing = fx.engine.exchange(Flux.<String>error(boom), FINAL_LINE).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isSameAs(boom)).verifyLater();
        StepVerifier next = fx.engine.exchange("NOOP", FINAL_LINE).as(StepVerifier::create)
                .expectNext("250 ok").expectComplete().verifyLater();

        fx.respond("250 ok");

        failing.verify(VERIFY);
        next.verify(VERIFY);
        assertThat(fx.written()).containsExactly("NOOP");
        assertThat(fx.channel.isOpen()).isTrue();
    }

    @Test
    @DisplayName("a command publisher failing after a partial write fails everything and closes the connection")
    void commandFailureAfterPartialWrite() {
        var fx = EngineFixture.fifo();
        var boom = new IllegalStateException("content source failed");
        StepVerifier failing = fx.engine.exchange(Flux.just("DATA line 1").concatWith(Flux.error(boom)), FINAL_LINE)
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isSameAs(boom)).verifyLater();
        StepVerifier next = fx.engine.exchange("QUIT", FINAL_LINE).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConnectionException.class).hasCause(boom))
                .verifyLater();

        failing.verify(VERIFY);
        next.verify(VERIFY);
        assertThat(fx.written()).containsExactly("DATA line 1");
        assertThat(fx.channel.isOpen()).isFalse();
    }

    private static void advance(EngineFixture<?, ?> fx, long millis) {
        fx.channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        fx.channel.runScheduledPendingTasks();
    }

    /** Passes lines through; rejects {@code "garbage"} as a real decoder would. */
    private static final class StrictDecoder extends MessageToMessageDecoder<String> {

        static final ProtocolViolationException VIOLATION = new ProtocolViolationException("malformed reply line");

        StrictDecoder() {
            super(String.class);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, String line, List<Object> out) {
            if ("garbage".equals(line)) {
                throw VIOLATION;
            }
            out.add(line);
        }
    }
}
