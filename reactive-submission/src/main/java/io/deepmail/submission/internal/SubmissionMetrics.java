package io.deepmail.submission.internal;

import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.metrics.SubmissionOutcome;
import io.deepmail.submission.SmtpReplyException;
import io.deepmail.submission.SubmissionResult;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records each message submission once, with its outcome and the message bytes handed to the
 * connection: accepted on a result, rejected on an SMTP reply error, failed on any other error or a
 * cancel.
 */
final class SubmissionMetrics {

    private SubmissionMetrics() {
    }

    static Mono<SubmissionResult> recorded(MailClientMetricsRecorder metrics, Publisher<ByteBuf> message,
            Function<Publisher<ByteBuf>, Mono<SubmissionResult>> send) {
        return Mono.defer(() -> {
            AtomicLong bytes = new AtomicLong();
            AtomicBoolean recorded = new AtomicBoolean();
            Flux<ByteBuf> counted = Flux.from(message).doOnNext(b -> bytes.addAndGet(b.readableBytes()));
            return send.apply(counted)
                    .doOnSuccess(result -> {
                        if (result != null && recorded.compareAndSet(false, true)) {
                            metrics.recordSubmission(SubmissionOutcome.ACCEPTED, bytes.get());
                        }
                    })
                    .doOnError(e -> {
                        if (recorded.compareAndSet(false, true)) {
                            metrics.recordSubmission(e instanceof SmtpReplyException ? SubmissionOutcome.REJECTED
                                    : SubmissionOutcome.FAILED, bytes.get());
                        }
                    })
                    .doOnCancel(() -> {
                        if (recorded.compareAndSet(false, true)) {
                            metrics.recordSubmission(SubmissionOutcome.FAILED, bytes.get());
                        }
                    });
        });
    }
}
