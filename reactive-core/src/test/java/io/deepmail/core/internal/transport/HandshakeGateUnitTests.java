package io.deepmail.core.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.core.MailResources;
import io.deepmail.core.MailTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** The bound on TLS handshakes in flight (B5): slots, waiting, timeouts, cancellation. */
class HandshakeGateUnitTests {

    private static final Duration LONG = Duration.ofSeconds(10);

    /** A handshake that runs until its sink is completed; counts how many have started. */
    private static final class Work {
        final Sinks.One<String> done = Sinks.one();
        final AtomicInteger started;

        Work(AtomicInteger started) {
            this.started = started;
        }

        Mono<String> mono() {
            return Mono.defer(() -> {
                started.incrementAndGet();
                return done.asMono();
            });
        }
    }

    @Test
    @DisplayName("B5: at most `limit` handshakes run at once; the next starts when one ends, first come first served")
    void boundsAndQueues() {
        HandshakeGate gate = HandshakeGate.create(2);
        AtomicInteger started = new AtomicInteger();
        List<Work> works = new ArrayList<>();
        List<String> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Work w = new Work(started);
            works.add(w);
            gate.around(w.mono(), LONG).subscribe(results::add);
        }
        assertThat(started).hasValue(2);
        assertThat(gate.inUse()).isEqualTo(2);
        assertThat(gate.pending()).isEqualTo(2);

        works.get(1).done.tryEmitValue("b");
        assertThat(started).hasValue(3);
        works.get(0).done.tryEmitValue("a");
        assertThat(started).hasValue(4);
        works.get(2).done.tryEmitValue("c");
        works.get(3).done.tryEmitValue("d");
        assertThat(results).containsExactly("b", "a", "c", "d");
        assertThat(gate.inUse()).isZero();
        assertThat(gate.pending()).isZero();
    }

    @Test
    @DisplayName("B5: a handshake that fails gives its slot back and its error through")
    void failureReleases() {
        HandshakeGate gate = HandshakeGate.create(1);
        StepVerifier.create(gate.around(Mono.error(new IllegalStateException("boom")), LONG))
                .expectErrorMessage("boom").verify(LONG);
        assertThat(gate.inUse()).isZero();
        StepVerifier.create(gate.around(Mono.just("next"), LONG)).expectNext("next").verifyComplete();
    }

    @Test
    @DisplayName("B5: cancelling a holder frees its slot; a cancelled waiter never runs and holds nothing")
    void cancellation() {
        HandshakeGate gate = HandshakeGate.create(1);
        AtomicInteger started = new AtomicInteger();
        Work holder = new Work(started);
        Work waiter = new Work(started);
        Disposable h = gate.around(holder.mono(), LONG).subscribe();
        Disposable w = gate.around(waiter.mono(), LONG).subscribe();
        assertThat(started).hasValue(1);
        w.dispose();
        assertThat(gate.pending()).isZero();
        h.dispose();
        assertThat(started).hasValue(1);
        assertThat(gate.inUse()).isZero();
        StepVerifier.create(gate.around(Mono.just("free"), LONG)).expectNext("free").verifyComplete();
    }

    @Test
    @DisplayName("B5: a waiter that gets no slot within its connect timeout fails with MailTimeoutException, unrun")
    void waitTimesOut() {
        HandshakeGate gate = HandshakeGate.create(1);
        AtomicInteger started = new AtomicInteger();
        Disposable h = gate.around(new Work(started).mono(), LONG).subscribe();
        try {
            StepVerifier.create(gate.around(new Work(started).mono(), Duration.ofMillis(100)))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MailTimeoutException.class)
                            .hasMessageContaining("1 TLS handshake slots"))
                    .verify(LONG);
            assertThat(started).hasValue(1);
            assertThat(gate.pending()).isZero();
        } finally {
            h.dispose();
        }
    }

    @Test
    @DisplayName("B5: limit 0 means no bound; a negative limit is refused")
    void unboundedAndInvalid() {
        HandshakeGate gate = HandshakeGate.create(0);
        AtomicInteger started = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            gate.around(new Work(started).mono(), LONG).subscribe();
        }
        assertThat(started).hasValue(100);
        assertThat(gate.limit()).isZero();
        assertThatThrownBy(() -> HandshakeGate.create(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("B5: MailResources carry a default bound, and a copy with another bound has its own gate")
    void resourcesCarryTheirGate() {
        MailResources resources = MailResources.create();
        try {
            assertThat(resources.maxHandshakesInFlight()).isEqualTo(MailResources.defaultMaxHandshakesInFlight())
                    .isGreaterThanOrEqualTo(4);
            MailResources one = resources.maxHandshakesInFlight(1);
            assertThat(one.maxHandshakesInFlight()).isEqualTo(1);
            assertThat(one.loops()).isSameAs(resources.loops());
            assertThat(HandshakeGate.of(one)).isNotSameAs(HandshakeGate.of(resources));
            assertThat(HandshakeGate.of(one).limit()).isEqualTo(1);
            assertThat(resources.maxHandshakesInFlight(0).maxHandshakesInFlight()).isZero();
        } finally {
            resources.dispose();
        }
    }
}
