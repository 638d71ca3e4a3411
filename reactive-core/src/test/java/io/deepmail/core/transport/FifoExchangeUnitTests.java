package io.deepmail.core.transport;

import static io.deepmail.core.transport.EngineFixture.FINAL_LINE;
import static io.deepmail.core.transport.EngineFixture.VERIFY;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.RequestQueueFullException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class FifoExchangeUnitTests {

    @Test
    @DisplayName("each reply goes to the oldest exchange in flight, in command order")
    void repliesFollowCommandOrder() {
        var fx = EngineFixture.fifo(EngineFixture.pipelined());
        StepVerifier ehlo = fx.engine.exchange("EHLO me", FINAL_LINE).as(StepVerifier::create)
                .expectNext("250-hello", "250-PIPELINING", "250 SIZE 1000").expectComplete().verifyLater();
        StepVerifier mail = fx.engine.exchange("MAIL FROM:<a@b>", FINAL_LINE).as(StepVerifier::create)
                .expectNext("250 sender ok").expectComplete().verifyLater();
        StepVerifier rcpt = fx.engine.exchange("RCPT TO:<c@d>", FINAL_LINE).as(StepVerifier::create)
                .expectNext("550 no such user").expectComplete().verifyLater();

        fx.respond("250-hello", "250-PIPELINING", "250 SIZE 1000", "250 sender ok");
        fx.respond("550 no such user");

        ehlo.verify(VERIFY);
        mail.verify(VERIFY);
        rcpt.verify(VERIFY);
        assertThat(fx.written()).containsExactly("EHLO me", "MAIL FROM:<a@b>", "RCPT TO:<c@d>");
    }

    @Test
    @DisplayName("without pipelining an exchange writes only after the previous one received its last reply")
    void nonPipelinedWritesWait() {
        var fx = EngineFixture.fifo();
        StepVerifier first = fx.engine.exchange("NOOP", FINAL_LINE).as(StepVerifier::create)
                .expectNext("250-wait", "250 ok").expectComplete().verifyLater();
        StepVerifier second = fx.engine.exchange("QUIT", FINAL_LINE).as(StepVerifier::create)
                .expectNext("221 bye").expectComplete().verifyLater();
        assertThat(fx.written()).containsExactly("NOOP");

        fx.respond("250-wait");
        assertThat(fx.written()).isEmpty();

        fx.respond("250 ok");
        assertThat(fx.written()).containsExactly("QUIT");
        fx.respond("221 bye");
        first.verify(VERIFY);
        second.verify(VERIFY);
    }

    @Test
    @DisplayName("with pipelining every queued exchange writes at once, in queue order")
    void pipelinedWritesDoNotWait() {
        var fx = EngineFixture.fifo(EngineFixture.pipelined());
        fx.engine.exchange("MAIL FROM:<a@b>", FINAL_LINE).subscribe();
        fx.engine.exchange(Flux.just("RCPT TO:<c@d>", "RCPT TO:<e@f>"), FINAL_LINE).subscribe();
        fx.engine.exchange("DATA", FINAL_LINE).subscribe();

        assertThat(fx.written()).containsExactly("MAIL FROM:<a@b>", "RCPT TO:<c@d>", "RCPT TO:<e@f>", "DATA");
    }

    @Test
    @DisplayName("an exchange without commands awaits the server's greeting")
    void greetingWithoutCommands() {
        var fx = EngineFixture.fifo();
        StepVerifier greeting = fx.engine.exchange(Flux.<String>empty(), FINAL_LINE).as(StepVerifier::create)
                .expectNext("220-mail.example.com", "220 ready").expectComplete().verifyLater();
        StepVerifier ehlo = fx.engine.exchange("EHLO me", FINAL_LINE).as(StepVerifier::create)
                .expectNext("250 hi").expectComplete().verifyLater();

        assertThat(fx.written()).isEmpty();
        fx.respond("220-mail.example.com", "220 ready");
        assertThat(fx.written()).containsExactly("EHLO me");
        fx.respond("250 hi");

        greeting.verify(VERIFY);
        ehlo.verify(VERIFY);
    }

    @Test
    @DisplayName("each subscription runs the exchange again")
    void exchangeIsCold() {
        var fx = EngineFixture.fifo(EngineFixture.pipelined());
        Flux<String> noop = fx.engine.exchange("NOOP", FINAL_LINE);
        StepVerifier first = noop.as(StepVerifier::create).expectNext("250 one").expectComplete().verifyLater();
        StepVerifier second = noop.as(StepVerifier::create).expectNext("250 two").expectComplete().verifyLater();

        fx.respond("250 one", "250 two");

        first.verify(VERIFY);
        second.verify(VERIFY);
        assertThat(fx.written()).containsExactly("NOOP", "NOOP");
    }

    @Test
    @DisplayName("a reply after the last exchange completed, with none in flight, is a protocol violation that closes the connection")
    void unexpectedReplyIsProtocolViolation() {
        var fx = EngineFixture.fifo();
        fx.engine.exchange("NOOP", FINAL_LINE).as(StepVerifier::create)
                .then(() -> fx.respond("250 ok"))
                .expectNext("250 ok")
                .verifyComplete();
        fx.respond("250 nobody asked");

        assertThat(fx.channel.isOpen()).isFalse();
        fx.engine.exchange("NOOP", FINAL_LINE).as(StepVerifier::create)
                .expectError(ProtocolViolationException.class)
                .verify(VERIFY);
    }

    @Test
    @DisplayName("responses that arrive before the first exchange (a greeting) are kept for it, in order")
    void responsesBeforeFirstExchangeAreKept() {
        var fx = EngineFixture.fifo();
        fx.respond("220-hello");
        fx.respond("220 ready");

        assertThat(fx.channel.isOpen()).isTrue();
        fx.engine.exchange(reactor.core.publisher.Flux.<String>empty(), FINAL_LINE).as(StepVerifier::create)
                .expectNext("220-hello", "220 ready")
                .verifyComplete();
    }

    @Test
    @DisplayName("more unrequested responses before the first exchange than the buffer holds fail typed")
    void tooManyEarlyResponses() {
        var fx = EngineFixture.fifo(ExchangeOptions.builder().maxBufferedResponses(2).build());
        fx.respond("220-a");
        fx.respond("220-b");
        fx.respond("220-c");

        assertThat(fx.channel.isOpen()).isFalse();
        fx.engine.exchange(reactor.core.publisher.Flux.<String>empty(), FINAL_LINE).as(StepVerifier::create)
                .expectError(io.deepmail.core.ResponseQueueFullException.class)
                .verify(VERIFY);
    }

    @Test
    @DisplayName("an exchange beyond the request queue bound fails with RequestQueueFullException; the others go on")
    void requestQueueOverflow() {
        var fx = EngineFixture.fifo(ExchangeOptions.builder().maxPendingConversations(2).build());
        StepVerifier first = fx.engine.exchange("ONE", FINAL_LINE).as(StepVerifier::create)
                .expectNext("250 one").expectComplete().verifyLater();
        StepVerifier second = fx.engine.exchange("TWO", FINAL_LINE).as(StepVerifier::create)
                .expectNext("250 two").expectComplete().verifyLater();

        fx.engine.exchange("THREE", FINAL_LINE).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RequestQueueFullException.class)
                        .satisfies(full -> assertThat(((RequestQueueFullException) full).limit()).isEqualTo(2)))
                .verify(VERIFY);

        fx.respond("250 one");
        fx.respond("250 two");
        first.verify(VERIFY);
        second.verify(VERIFY);
        assertThat(fx.written()).containsExactly("ONE", "TWO");
        assertThat(fx.channel.isOpen()).isTrue();
    }

    @Test
    @DisplayName("an exchange cancelled before its commands are written is removed without writing")
    void cancelBeforeWrite() {
        var fx = EngineFixture.fifo();
        StepVerifier first = fx.engine.exchange("ONE", FINAL_LINE).as(StepVerifier::create)
                .expectNext("250 one").expectComplete().verifyLater();
        Disposable second = fx.engine.exchange("TWO", FINAL_LINE).subscribe();
        StepVerifier third = fx.engine.exchange("THREE", FINAL_LINE).as(StepVerifier::create)
                .expectNext("250 three").expectComplete().verifyLater();

        second.dispose();
        fx.respond("250 one");
        fx.respond("250 three");

        first.verify(VERIFY);
        third.verify(VERIFY);
        assertThat(fx.written()).containsExactly("ONE", "THREE");
    }

    @Test
    @DisplayName("a cancelled exchange drains to its last reply so the next exchange starts on the right reply")
    void cancelMidExchangeDrains() {
        var fx = EngineFixture.fifo(EngineFixture.pipelined());
        StepVerifier first = fx.engine.exchange("EHLO me", FINAL_LINE).take(1).as(StepVerifier::create)
                .expectNext("250-hello").expectComplete().verifyLater();
        StepVerifier second = fx.engine.exchange("NOOP", FINAL_LINE).as(StepVerifier::create)
                .expectNext("250 noop ok").expectComplete().verifyLater();

        fx.respond("250-hello", "250-PIPELINING");
        fx.respond("250 SIZE 1000", "250 noop ok");

        first.verify(VERIFY);
        second.verify(VERIFY);
    }

    @Test
    @DisplayName("an exchange started from another exchange's completion, on the event loop, is written at once")
    void exchangeStartedFromCompletion() {
        var fx = EngineFixture.fifo();
        StepVerifier chained = fx.engine.exchange("MAIL FROM:<a@b>", FINAL_LINE)
                .concatWith(fx.engine.exchange("RCPT TO:<c@d>", FINAL_LINE))
                .as(StepVerifier::create)
                .expectNext("250 sender ok", "250 recipient ok")
                .expectComplete()
                .verifyLater();

        fx.respond("250 sender ok");
        assertThat(fx.written()).containsExactly("MAIL FROM:<a@b>", "RCPT TO:<c@d>");
        fx.respond("250 recipient ok");
        chained.verify(VERIFY);
    }

    @Test
    @DisplayName("demand signalled from inside onNext is honoured")
    void demandFromInsideOnNext() {
        var fx = EngineFixture.fifo();
        StepVerifier lines = fx.engine.exchange("EHLO me", FINAL_LINE).limitRate(1).as(StepVerifier::create)
                .expectNext("250-a", "250-b", "250-c", "250 d")
                .expectComplete()
                .verifyLater();
        fx.respond("250-a", "250-b", "250-c");
        fx.respond("250 d");
        lines.verify(VERIFY);
    }
}
