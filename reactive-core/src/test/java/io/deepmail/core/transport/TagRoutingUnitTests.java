package io.deepmail.core.transport;

import static io.deepmail.core.transport.EngineFixture.VERIFY;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.ProtocolViolationException;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The routing-key hook, proved with a minimal IMAP-like tag correlator (not IMAP itself). */
class TagRoutingUnitTests {

    private final EngineFixture<String, String> fx =
            new EngineFixture<>(new TestTagCorrelator(), EngineFixture.pipelined());

    private static Predicate<String> tagged(String tag) {
        return line -> line.startsWith(tag + " ");
    }

    private Flux<String> command(String tag, String command) {
        return fx.engine.exchange(tag, Flux.just(tag + " " + command), tagged(tag));
    }

    @Test
    @DisplayName("a tagged reply completes its own exchange, whatever the order")
    void taggedRepliesFindTheirExchange() {
        StepVerifier a1 = command("A1", "NOOP").as(StepVerifier::create)
                .expectNext("* 4 EXISTS", "A1 OK done").expectComplete().verifyLater();
        StepVerifier a2 = command("A2", "CHECK").as(StepVerifier::create)
                .expectNext("A2 OK checked").expectComplete().verifyLater();

        fx.respond("A2 OK checked", "* 4 EXISTS", "A1 OK done");

        a1.verify(VERIFY);
        a2.verify(VERIFY);
        assertThat(fx.written()).containsExactly("A1 NOOP", "A2 CHECK");
    }

    @Test
    @DisplayName("untagged data with no command running goes to unsolicited()")
    void untaggedWithoutCommandIsUnsolicited() {
        StepVerifier unsolicited = fx.engine.unsolicited().as(StepVerifier::create)
                .expectNext("* 5 EXISTS", "* 2 EXPUNGE").thenCancel().verifyLater();
        fx.respond("* 5 EXISTS");
        StepVerifier a1 = command("A1", "NOOP").as(StepVerifier::create)
                .expectNext("* 1 RECENT", "A1 OK").expectComplete().verifyLater();
        fx.respond("* 1 RECENT", "A1 OK");
        fx.respond("* 2 EXPUNGE");

        a1.verify(VERIFY);
        unsolicited.verify(VERIFY);
    }

    @Test
    @DisplayName("exchangeExclusive carries a routing key too")
    void exclusiveWithRoutingKey() {
        fx.engine.exchangeExclusive("A7", "A7 STARTTLS", tagged("A7"), reply -> reply.contains("OK")
                ? Mono.empty() : Mono.error(new IllegalStateException()))
                .as(StepVerifier::create)
                .then(() -> fx.respond("A7 OK begin TLS"))
                .expectNext("A7 OK begin TLS")
                .expectComplete()
                .verify(VERIFY);
    }

    @Test
    @DisplayName("a reply with an unknown tag is a protocol violation")
    void unknownTag() {
        command("A1", "NOOP").as(StepVerifier::create)
                .then(() -> fx.respond("A9 OK who?"))
                .expectError(ProtocolViolationException.class)
                .verify(VERIFY);
        assertThat(fx.channel.isOpen()).isFalse();
    }

    @Test
    @DisplayName("only one unsolicited() subscriber at a time")
    void oneUnsolicitedSubscriber() {
        Disposable first = fx.engine.unsolicited().subscribe();
        fx.engine.unsolicited().as(StepVerifier::create).expectError(IllegalStateException.class).verify(VERIFY);
        first.dispose();
        fx.engine.unsolicited().as(StepVerifier::create)
                .then(() -> fx.respond("* 1 EXISTS"))
                .expectNext("* 1 EXISTS")
                .thenCancel()
                .verify(VERIFY);
    }

    /**
     * Tagged lines ({@code "A1 OK"}) go to the exchange with that key; untagged lines ({@code "* …"})
     * to the oldest exchange in flight, or to unsolicited() when none is.
     */
    private static final class TestTagCorrelator implements Correlator<String> {

        @Override
        public int route(String line, List<@Nullable Object> keys) {
            if (line.startsWith("* ")) {
                return keys.isEmpty() ? UNSOLICITED : 0;
            }
            int index = keys.indexOf(line.substring(0, line.indexOf(' ')));
            return index >= 0 ? index : UNEXPECTED;
        }
    }
}
