package io.deepmail.core.transport;

import static io.deepmail.core.transport.EngineFixture.FINAL_LINE;
import static io.deepmail.core.transport.EngineFixture.VERIFY;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.ConnectionException;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.TlsNegotiationException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** The STARTTLS barrier (TLS-10). */
class ExclusiveExchangeUnitTests {

    private final EngineFixture<String, String> fx = EngineFixture.fifo(EngineFixture.pipelined());
    private final List<String> events = new ArrayList<>();
    private final Sinks.Empty<Void> handshake = Sinks.empty();

    ExclusiveExchangeUnitTests() {
        fx.channel.pipeline().addBefore(ExchangeEngine.HANDLER_NAME, "events", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                events.add("read " + msg);
                ctx.fireChannelRead(msg);
                events.add("end of read " + msg);
            }
        });
    }

    private Mono<Void> upgrade(String reply) {
        events.add("afterLast " + reply);
        return handshake.asMono();
    }

    @Test
    @DisplayName("TLS-10: afterLast runs inside the read that delivered the last reply, and nothing is written until it completes")
    void barrierHoldsWrites() {
        StepVerifier ehlo = fx.engine.exchange("EHLO me", FINAL_LINE).as(StepVerifier::create)
                .expectNext("250 hi").expectComplete().verifyLater();
        StepVerifier starttls = fx.engine.exchangeExclusive("STARTTLS", FINAL_LINE, this::upgrade)
                .as(StepVerifier::create).expectNext("220 go ahead").expectComplete().verifyLater();
        StepVerifier after = fx.engine.exchange("EHLO again", FINAL_LINE).as(StepVerifier::create)
                .expectNext("250 secure hi").expectComplete().verifyLater();

        assertThat(fx.written()).as("STARTTLS waits for the earlier exchange").containsExactly("EHLO me");
        fx.respond("250 hi");
        assertThat(fx.written()).containsExactly("STARTTLS");

        fx.respond("220 go ahead");
        assertThat(events).containsExactly("read 250 hi", "end of read 250 hi",
                "read 220 go ahead", "afterLast 220 go ahead", "end of read 220 go ahead");
        assertThat(fx.written()).as("nothing is written while the barrier is held").isEmpty();

        handshake.tryEmitEmpty();
        assertThat(fx.written()).containsExactly("EHLO again");
        fx.respond("250 secure hi");

        ehlo.verify(VERIFY);
        starttls.verify(VERIFY);
        after.verify(VERIFY);
    }

    @Test
    @DisplayName("TLS-10: an inbound message queued behind the last reply is handled only after afterLast ran, and fails the barrier")
    void inboundDuringBarrierIsRejected() {
        StepVerifier starttls = fx.engine.exchangeExclusive("STARTTLS", FINAL_LINE, this::upgrade)
                .as(StepVerifier::create).expectNext("220 go ahead")
                .expectError(ProtocolViolationException.class).verifyLater();

        fx.respond("220 go ahead", "250 injected");

        assertThat(events).containsExactly("read 220 go ahead", "afterLast 220 go ahead",
                "end of read 220 go ahead", "read 250 injected", "end of read 250 injected");
        starttls.verify(VERIFY);
        assertThat(fx.channel.isOpen()).isFalse();
    }

    @Test
    @DisplayName("the exclusive exchange completes only once afterLast's Mono has completed")
    void completesAfterTheStreamChange() {
        fx.engine.exchangeExclusive("STARTTLS", FINAL_LINE, this::upgrade).as(StepVerifier::create)
                .then(() -> fx.respond("220 go ahead"))
                .expectNext("220 go ahead")
                .expectNoEvent(Duration.ofMillis(50))
                .then(handshake::tryEmitEmpty)
                .expectComplete()
                .verify(VERIFY);
    }

    @Test
    @DisplayName("if afterLast's Mono fails, that exchange fails with its error, every other fails and the connection closes")
    void failedStreamChangeFailsEverything() {
        var handshakeFailure = new SSLHandshakeException("bad certificate");
        StepVerifier starttls = fx.engine.exchangeExclusive("STARTTLS", FINAL_LINE, this::upgrade)
                .as(StepVerifier::create).expectNext("220 go ahead")
                .expectErrorSatisfies(e -> assertThat(e).isSameAs(handshakeFailure)).verifyLater();
        StepVerifier later = fx.engine.exchange("EHLO again", FINAL_LINE).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConnectionException.class)
                        .hasCause(handshakeFailure))
                .verifyLater();

        fx.respond("220 go ahead");
        handshake.tryEmitError(handshakeFailure);

        starttls.verify(VERIFY);
        later.verify(VERIFY);
        assertThat(fx.written()).containsExactly("STARTTLS");
        assertThat(fx.channel.isOpen()).isFalse();
    }

    @Test
    @DisplayName("a typed failure of afterLast reaches every pending exchange unchanged")
    void typedStreamChangeFailure() {
        var policy = new TlsNegotiationException("TLS 1.1 offered, 1.2 required");
        StepVerifier starttls = fx.engine.exchangeExclusive("STARTTLS", FINAL_LINE, reply -> Mono.error(policy))
                .as(StepVerifier::create).expectNext("220 go ahead")
                .expectErrorSatisfies(e -> assertThat(e).isSameAs(policy)).verifyLater();
        StepVerifier later = fx.engine.exchange("EHLO again", FINAL_LINE).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isSameAs(policy)).verifyLater();

        fx.respond("220 go ahead");

        starttls.verify(VERIFY);
        later.verify(VERIFY);
        assertThat(fx.written()).containsExactly("STARTTLS");
    }

    @Test
    @DisplayName("a refused STARTTLS still runs afterLast, which decides from the reply")
    void afterLastSeesRefusal() {
        fx.engine.exchangeExclusive("STARTTLS", FINAL_LINE,
                reply -> reply.startsWith("220") ? handshake.asMono() : Mono.empty())
                .as(StepVerifier::create)
                .then(() -> fx.respond("454 TLS not available"))
                .expectNext("454 TLS not available")
                .expectComplete()
                .verify(VERIFY);
        assertThat(fx.channel.isOpen()).isTrue();
    }
}
