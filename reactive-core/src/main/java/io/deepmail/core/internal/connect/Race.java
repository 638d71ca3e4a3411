package io.deepmail.core.internal.connect;

import io.deepmail.core.ConnectionException;
import io.deepmail.core.MailClientException;
import io.deepmail.core.connect.CandidatesExhaustedException;
import io.deepmail.core.metrics.AttemptOutcome;
import io.deepmail.core.metrics.FallbackReason;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * Staggered attempts, first success wins (SRV-12, in the manner of RFC 8305): the first attempt
 * starts at once; each next one starts after the head start if nothing has won, or at once when
 * every running attempt has failed. The winner is emitted; every other attempt is cancelled (which
 * closes its channel), and a session that completes after the race was decided is released. A
 * failure the {@code stopsRace} predicate accepts (a NORMAL latch violation, L7) ends the race at
 * once; otherwise the race fails only when every attempt has failed, listing each reason. A win by
 * any attempt but the first is reported to the recorder as a fallback.
 *
 * @param <T> the session type
 */
public final class Race<T> {

    private final List<Attempt<T>> attempts;
    private final Duration headStart;
    private final Scheduler timer;
    private final Predicate<Throwable> stopsRace;
    private final Consumer<T> release;
    private final MailClientMetricsRecorder metrics;

    private final Map<Attempt<T>, Disposable.Swap> running = new LinkedHashMap<>();
    private final List<CandidatesExhaustedException.Failure> failures = new ArrayList<>();
    private @Nullable MonoSink<T> sink;
    private @Nullable Disposable pendingStart;
    private int next;
    private int inFlight;
    private boolean decided;
    private boolean preferredFailed;

    private Race(List<Attempt<T>> attempts, Duration headStart, Scheduler timer, Predicate<Throwable> stopsRace,
            Consumer<T> release, MailClientMetricsRecorder metrics) {
        this.attempts = List.copyOf(attempts);
        this.headStart = headStart;
        this.timer = timer;
        this.stopsRace = stopsRace;
        this.release = release;
        this.metrics = metrics;
    }

    /**
     * Races the attempts.
     *
     * @param attempts the attempts, most preferred first
     * @param headStart how long an attempt runs alone before the next one starts
     * @param timer where head-start timers run
     * @param stopsRace failures that end the whole race at once
     * @param release closes a session that completed after the race was decided
     * @param metrics receives every attempt's outcome
     * @param <T> the session type
     * @return the winning session; cancelling it cancels every attempt
     */
    public static <T> Mono<T> run(List<Attempt<T>> attempts, Duration headStart, Scheduler timer,
            Predicate<Throwable> stopsRace, Consumer<T> release, MailClientMetricsRecorder metrics) {
        return Mono.defer(() -> {
            if (attempts.isEmpty()) {
                return Mono.error(new CandidatesExhaustedException(List.of()));
            }
            Race<T> race = new Race<>(attempts, headStart, timer, stopsRace, release, metrics);
            return Mono.create(race::start);
        });
    }

    private synchronized void start(MonoSink<T> sink) {
        this.sink = sink;
        sink.onDispose(this::cancelAll);
        startNext();
    }

    private synchronized void startNext() {
        if (decided || next >= attempts.size()) {
            return;
        }
        Attempt<T> attempt = attempts.get(next++);
        inFlight++;
        if (pendingStart != null) {
            pendingStart.dispose();
        }
        pendingStart = next < attempts.size() ? timer.schedule(this::startNext, headStart.toNanos(),
                java.util.concurrent.TimeUnit.NANOSECONDS) : null;
        Disposable.Swap subscription = Disposables.swap();
        running.put(attempt, subscription);
        // The transport keeps its connect subscriber for as long as the connection lives; detaching
        // here stops a long-lived session from retaining this race and everything its caller
        // chained after the connect (kilobytes per session).
        subscription.update(attempt.session()
                .onTerminateDetach()
                .switchIfEmpty(Mono.error(() -> new ConnectionException("the attempt ended without a session")))
                .subscribe(session -> won(attempt, session), error -> failed(attempt, error)));
    }

    private void won(Attempt<T> attempt, T session) {
        MonoSink<T> winnerSink;
        synchronized (this) {
            running.remove(attempt);
            if (decided) {
                winnerSink = null;
            } else {
                decided = true;
                winnerSink = sink;
            }
        }
        if (winnerSink == null) {
            metrics.recordConnectAttempt(attempt.endpoint(), AttemptOutcome.CANCELLED, null);
            release.accept(session);
            return;
        }
        metrics.recordConnectAttempt(attempt.endpoint(), AttemptOutcome.WON, null);
        Attempt<T> preferred = attempts.get(0);
        if (attempt != preferred) {
            boolean failedFirst;
            synchronized (this) {
                failedFirst = preferredFailed;
            }
            metrics.recordConnectFallback(preferred.endpoint(), attempt.endpoint(),
                    failedFirst ? FallbackReason.PREFERRED_FAILED : FallbackReason.PREFERRED_SLOWER);
        }
        winnerSink.success(session);
    }

    private void failed(Attempt<T> attempt, Throwable error) {
        MailClientException reason = error instanceof MailClientException m ? m
                : new ConnectionException("attempt failed: " + error, error);
        metrics.recordConnectAttempt(attempt.endpoint(), AttemptOutcome.FAILED, reason);
        Throwable terminal = null;
        synchronized (this) {
            running.remove(attempt);
            if (attempt == attempts.get(0)) {
                preferredFailed = true;
            }
            if (decided) {
                return;
            }
            inFlight--;
            failures.add(new CandidatesExhaustedException.Failure(attempt.endpoint(), attempt.address(), reason));
            if (stopsRace.test(reason)) {
                decided = true;
                terminal = reason;
            } else if (inFlight == 0 && next < attempts.size()) {
                startNext();
                return;
            } else if (inFlight == 0) {
                decided = true;
                terminal = new CandidatesExhaustedException(failures);
            }
        }
        if (terminal != null && sink != null) {
            sink.error(terminal);
        }
    }

    private void cancelAll() {
        Map<Attempt<T>, Disposable.Swap> toCancel;
        synchronized (this) {
            decided = true;
            toCancel = new LinkedHashMap<>(running);
            running.clear();
            if (pendingStart != null) {
                pendingStart.dispose();
                pendingStart = null;
            }
        }
        toCancel.forEach((attempt, subscription) -> {
            subscription.dispose();
            metrics.recordConnectAttempt(attempt.endpoint(), AttemptOutcome.CANCELLED, null);
        });
    }
}
