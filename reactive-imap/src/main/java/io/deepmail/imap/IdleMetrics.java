package io.deepmail.imap;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.metrics.IdleEvent;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;

/**
 * Repeats one IDLE round for as long as it is subscribed, and tells the metrics recorder when the
 * wait starts, each time it is renewed before the server's inactivity timer, and when it ends.
 */
final class IdleMetrics {

    private IdleMetrics() {
    }

    /**
     * The IDLE flux: {@code round} repeated, recorded.
     *
     * @param metrics the session's recorder
     * @param round one IDLE command up to its tagged reply; it completes when the refresh timer ended it
     * @param <T> the element type
     * @return the repeated rounds; one {@link IdleEvent#STARTED} and one {@link IdleEvent#ENDED} per
     *     subscription. Without a recorder, the rounds repeated and nothing more: the bookkeeping
     *     costs about 70 bytes per IDLE subscription, so it is left out when nobody records.
     */
    static <T> Flux<T> recorded(MailClientMetricsRecorder metrics, Flux<T> round) {
        if (metrics == MailClientMetricsRecorder.NOOP) {
            return round.repeat();
        }
        return Flux.defer(() -> {
            AtomicInteger rounds = new AtomicInteger();
            Flux<T> counted = Flux.defer(() -> {
                if (rounds.getAndIncrement() > 0) {
                    metrics.recordIdle(MailProtocol.IMAP, IdleEvent.REFRESHED);
                }
                return round;
            });
            metrics.recordIdle(MailProtocol.IMAP, IdleEvent.STARTED);
            return counted.repeat().doFinally(signal -> metrics.recordIdle(MailProtocol.IMAP, IdleEvent.ENDED));
        });
    }
}
