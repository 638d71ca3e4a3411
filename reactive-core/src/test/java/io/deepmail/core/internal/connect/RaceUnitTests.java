package io.deepmail.core.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.ConnectionException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.CandidatesExhaustedException;
import io.deepmail.core.metrics.AttemptOutcome;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class RaceUnitTests {

    private static final Duration HEAD_START = Duration.ofMillis(250);
    private static final Endpoint IMPLICIT = new Endpoint(MailProtocol.IMAP, "h", 993, TransportMode.IMPLICIT);
    private static final Endpoint STARTTLS = new Endpoint(MailProtocol.IMAP, "h", 143, TransportMode.STARTTLS);

    private final List<String> started = new CopyOnWriteArrayList<>();
    private final List<String> cancelled = new CopyOnWriteArrayList<>();
    private final List<String> released = new CopyOnWriteArrayList<>();
    private final List<String> outcomes = new CopyOnWriteArrayList<>();
    private final MailClientMetricsRecorder recorder = new MailClientMetricsRecorder() {
        @Override
        public void recordConnectAttempt(Endpoint endpoint, AttemptOutcome outcome, @Nullable Throwable failure) {
            outcomes.add(endpoint.port() + ":" + outcome);
        }
    };

    private Attempt<String> attempt(Endpoint endpoint, Mono<String> session) {
        String name = String.valueOf(endpoint.port());
        return new Attempt<>(endpoint, "127.0.0.1", Mono.defer(() -> {
            started.add(name);
            return session;
        }).doOnCancel(() -> cancelled.add(name)));
    }

    private Mono<String> race(VirtualTimeScheduler vts, List<Attempt<String>> attempts) {
        return Race.run(attempts, HEAD_START, vts, e -> e instanceof StopException, released::add, recorder);
    }

    @Test
    @DisplayName("SRV-12: a healthy preferred attempt wins alone; the next one is never started")
    void preferredWinsAlone() {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        StepVerifier.withVirtualTime(() -> race(vts, List.of(
                        attempt(IMPLICIT, Mono.delay(Duration.ofMillis(100), vts).thenReturn("993")),
                        attempt(STARTTLS, Mono.just("143")))), () -> vts, Long.MAX_VALUE)
                .thenAwait(Duration.ofSeconds(1))
                .expectNext("993")
                .verifyComplete();
        assertThat(started).containsExactly("993");
        assertThat(outcomes).containsExactly("993:WON");
    }

    @Test
    @DisplayName("SRV-12: a blackholed preferred attempt is overtaken after the head start and then cancelled")
    void blackholedPreferredIsOvertaken() {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        StepVerifier.withVirtualTime(() -> race(vts, List.of(
                        attempt(IMPLICIT, Mono.never()),
                        attempt(STARTTLS, Mono.delay(Duration.ofMillis(50), vts).thenReturn("143")))),
                        () -> vts, Long.MAX_VALUE)
                .thenAwait(HEAD_START.minusMillis(1))
                .then(() -> assertThat(started).containsExactly("993"))
                .thenAwait(Duration.ofMillis(51))
                .expectNext("143")
                .verifyComplete();
        assertThat(cancelled).containsExactly("993");
        assertThat(outcomes).containsExactlyInAnyOrder("143:WON", "993:CANCELLED");
    }

    @Test
    @DisplayName("SRV-12: a failed attempt starts the next one at once, without waiting for the head start")
    void failureStartsNextAtOnce() {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        StepVerifier.withVirtualTime(() -> race(vts, List.of(
                        attempt(IMPLICIT, Mono.error(new ConnectionException("refused"))),
                        attempt(STARTTLS, Mono.just("143")))), () -> vts, Long.MAX_VALUE)
                .expectNext("143")
                .verifyComplete();
        assertThat(started).containsExactly("993", "143");
    }

    @Test
    @DisplayName("when every attempt fails, the error lists each candidate with its typed reason")
    void allFail() {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        StepVerifier.withVirtualTime(() -> race(vts, List.of(
                        attempt(IMPLICIT, Mono.error(new TlsPolicyException("bad certificate", null))),
                        attempt(STARTTLS, Mono.error(new ConnectionException("refused"))))), () -> vts, Long.MAX_VALUE)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(CandidatesExhaustedException.class)
                            .hasMessageContaining("bad certificate").hasMessageContaining("refused");
                    CandidatesExhaustedException x = (CandidatesExhaustedException) e;
                    assertThat(x.failures()).extracting(f -> f.endpoint().port()).containsExactly(993, 143);
                    assertThat(x.isTransient()).as("a policy failure is not transient").isFalse();
                })
                .verify();
    }

    @Test
    @DisplayName("LAT-07: a failure that stops the race ends it at once; no weaker candidate is tried")
    void stopFailureEndsRace() {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        StepVerifier.withVirtualTime(() -> race(vts, List.of(
                        attempt(IMPLICIT, Mono.error(new StopException())),
                        attempt(STARTTLS, Mono.just("143")))), () -> vts, Long.MAX_VALUE)
                .expectError(StopException.class)
                .verify();
        assertThat(started).containsExactly("993");
    }

    @Test
    @DisplayName("when attempts complete at the same moment, every session but the winner is released")
    void simultaneousWinnersReleased() throws Exception {
        for (int round = 0; round < 200; round++) {
            List<String> releasedNow = new CopyOnWriteArrayList<>();
            java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
            Mono<String> a = Mono.fromCallable(() -> {
                gate.await();
                return "a";
            }).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
            Mono<String> b = Mono.fromCallable(() -> {
                gate.await();
                return "b";
            }).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
            Mono<String> race = Race.run(List.of(new Attempt<>(IMPLICIT, "127.0.0.1", a),
                    new Attempt<>(STARTTLS, "127.0.0.1", b)), Duration.ZERO,
                    reactor.core.scheduler.Schedulers.parallel(), e -> false, releasedNow::add, recorder);
            reactor.core.publisher.Sinks.One<String> winner = reactor.core.publisher.Sinks.one();
            race.subscribe(winner::tryEmitValue);
            Thread.sleep(1);
            gate.countDown();
            String won = winner.asMono().block(Duration.ofSeconds(5));
            Thread.sleep(5);
            assertThat(releasedNow).doesNotContain(won);
            assertThat(releasedNow.size()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    @DisplayName("cancelling the race cancels every running attempt and every pending start")
    void cancelCancelsAll() {
        VirtualTimeScheduler vts = VirtualTimeScheduler.create();
        StepVerifier.withVirtualTime(() -> race(vts, List.of(attempt(IMPLICIT, Mono.never()),
                        attempt(STARTTLS, Mono.never()))), () -> vts, Long.MAX_VALUE)
                .thenAwait(HEAD_START)
                .thenCancel()
                .verify();
        vts.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(started).containsExactly("993", "143");
        assertThat(cancelled).containsExactlyInAnyOrder("993", "143");
    }

    @Test
    @DisplayName("no candidate at all fails with an explanation instead of hanging")
    void noCandidates() {
        Race.run(List.<Attempt<String>>of(), HEAD_START, VirtualTimeScheduler.create(), e -> false, s -> { },
                        recorder)
                .as(StepVerifier::create)
                .expectError(CandidatesExhaustedException.class)
                .verify(Duration.ofSeconds(1));
    }

    private static final class StopException extends TlsPolicyException {
        private static final long serialVersionUID = 1L;

        StopException() {
            super("latched", null);
        }
    }
}
