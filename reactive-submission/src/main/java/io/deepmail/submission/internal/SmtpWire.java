package io.deepmail.submission.internal;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.transport.ExchangeEngine;
import io.deepmail.core.transport.ExchangeOptions;
import io.deepmail.core.transport.FifoCorrelator;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.submission.internal.codec.ContentChunk;
import io.deepmail.submission.internal.codec.ContentEncoder;
import io.deepmail.submission.internal.codec.SmtpCommand;
import io.deepmail.submission.internal.codec.SmtpCommandEncoder;
import io.deepmail.submission.internal.codec.SmtpResponse;
import io.deepmail.submission.internal.codec.SmtpResponseDecoder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One connection speaking SMTP: the submission codec and the core's exchange engine with the FIFO
 * correlator, since SMTP replies arrive in command order with or without PIPELINING. Pipelining is
 * done by putting several commands in one exchange whose last reply is counted, so the engine
 * itself runs exchanges one at a time.
 *
 * <p>Every command is reported to the transport's metrics recorder once, when its final reply
 * arrives, with the three-digit code as status ({@code TIMEOUT}, {@code CANCELLED} or {@code ERROR}
 * when none arrived). An intermediate reply (334 to AUTH, 354 to DATA) leaves the command pending:
 * AUTH ends with the reply that ends the SASL exchange, DATA with the reply to the content. Each
 * BDAT chunk is a command of its own.
 */
final class SmtpWire {

    private final MailConnection connection;
    private final ExchangeEngine<Object, SmtpResponse> engine;
    private final MailClientMetricsRecorder metrics;
    /** A command answered with an intermediate reply, waiting for its final one. */
    private final AtomicReference<@Nullable Pending> pending = new AtomicReference<>();

    private record Pending(String verb, long startNanos) {
    }

    private SmtpWire(MailConnection connection, Duration responseTimeout, MailClientMetricsRecorder metrics) {
        this.connection = connection;
        this.metrics = metrics;
        connection.addCodec("smtp-decoder", new SmtpResponseDecoder())
                .addCodec("smtp-content-encoder", new ContentEncoder())
                .addCodec("smtp-command-encoder", SmtpCommandEncoder.INSTANCE);
        this.engine = connection.exchange(FifoCorrelator.instance(), ExchangeOptions.builder()
                .responseTimeout(responseTimeout).build());
    }

    /**
     * Installs the codec and engine on a fresh connection.
     *
     * @param connection the connection
     * @param responseTimeout the reply timeout
     * @param metrics where each command's outcome is recorded
     * @return the wire
     */
    static SmtpWire install(MailConnection connection, Duration responseTimeout, MailClientMetricsRecorder metrics) {
        return new SmtpWire(connection, responseTimeout, metrics);
    }

    MailClientMetricsRecorder metrics() {
        return metrics;
    }

    MailConnection connection() {
        return connection;
    }

    ExchangeEngine<Object, SmtpResponse> engine() {
        return engine;
    }

    /** The server's greeting, sent on its own. */
    Mono<SmtpResponse> greeting() {
        return engine.exchange(Flux.<Object>empty(), r -> true).single();
    }

    /** One command and its one reply. */
    Mono<SmtpResponse> command(SmtpCommand command) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return engine.exchange(command, r -> true).single()
                    .doOnNext(reply -> replied(command.verb(), start, reply))
                    .doOnError(e -> ended(command.verb(), start, status(e)))
                    .doOnCancel(() -> ended(command.verb(), start, "CANCELLED"));
        });
    }

    /**
     * STARTTLS through the core primitive; recorded when its reply arrives, before the handshake.
     *
     * @param startTls the command
     * @return the upgraded connection's security record
     */
    Mono<SessionSecurity> startTls(SmtpCommand startTls) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            AtomicBoolean answered = new AtomicBoolean();
            Predicate<SmtpResponse> isLast = r -> {
                if (answered.compareAndSet(false, true)) {
                    record(startTls.verb(), Integer.toString(r.code()), start);
                }
                return true;
            };
            return connection.startTls(engine, (Object) startTls, isLast, r -> r.code() == 220)
                    .doOnError(e -> {
                        if (answered.compareAndSet(false, true)) {
                            record(startTls.verb(), status(e), start);
                        }
                    })
                    .doOnCancel(() -> {
                        if (answered.compareAndSet(false, true)) {
                            record(startTls.verb(), "CANCELLED", start);
                        }
                    });
        });
    }

    /** Several commands written together (RFC 2920), one reply each, in order. */
    Flux<SmtpResponse> pipelined(List<SmtpCommand> commands) {
        return Flux.defer(() -> {
            long start = System.nanoTime();
            AtomicInteger replies = new AtomicInteger();
            AtomicInteger recorded = new AtomicInteger();
            Predicate<SmtpResponse> isLast = r -> replies.incrementAndGet() == commands.size();
            return engine.exchange(Flux.fromIterable(commands), isLast)
                    .doOnNext(reply -> replied(commands.get(recorded.getAndIncrement()).verb(), start, reply))
                    .doOnError(e -> unanswered(commands, recorded, start, status(e)))
                    .doOnCancel(() -> unanswered(commands, recorded, start, "CANCELLED"));
        });
    }

    private void unanswered(List<SmtpCommand> commands, AtomicInteger recorded, long start, String status) {
        for (int i = recorded.getAndSet(commands.size()); i < commands.size(); i++) {
            record(commands.get(i).verb(), status, start);
        }
    }

    /** Content chunks, ending with the reply {@code isLast} accepts. */
    Flux<SmtpResponse> content(Publisher<ContentChunk> chunks, Predicate<SmtpResponse> isLast) {
        return engine.exchange(chunks, isLast)
                .doOnNext(reply -> replied("", 0, reply))
                .doOnError(e -> ended("", 0, status(e)))
                .doOnCancel(() -> ended("", 0, "CANCELLED"));
    }

    /**
     * BDAT chunks, each recorded as one BDAT command ending with its reply.
     *
     * @param chunks the chunks
     * @param isLast accepts the reply that ends the exchange
     * @return the replies
     */
    Flux<SmtpResponse> chunks(Publisher<ContentChunk> chunks, Predicate<SmtpResponse> isLast) {
        return Flux.defer(() -> {
            long start = System.nanoTime();
            return engine.exchange(chunks, isLast)
                    .doOnNext(reply -> record("BDAT", Integer.toString(reply.code()), start))
                    .doOnError(e -> record("BDAT", status(e), start))
                    .doOnCancel(() -> record("BDAT", "CANCELLED", start));
        });
    }

    /**
     * A reply to {@code verb} sent at {@code start}; an empty verb is a continuation (an AUTH
     * response line or DATA content) whose reply belongs to the pending command.
     */
    private void replied(String verb, long start, SmtpResponse reply) {
        boolean intermediate = reply.code() / 100 == 3;
        if (verb.isEmpty()) {
            if (!intermediate) {
                Pending p = pending.getAndSet(null);
                if (p != null) {
                    record(p.verb(), Integer.toString(reply.code()), p.startNanos());
                }
            }
        } else if (intermediate) {
            pending.set(new Pending(verb, start));
        } else {
            pending.set(null);
            record(verb, Integer.toString(reply.code()), start);
        }
    }

    /** No final reply: the command, or the pending one for a continuation, ends with {@code status}. */
    private void ended(String verb, long start, String status) {
        Pending p = pending.getAndSet(null);
        if (verb.isEmpty()) {
            if (p != null) {
                record(p.verb(), status, p.startNanos());
            }
        } else {
            record(verb, status, start);
        }
    }

    private void record(String verb, String status, long startNanos) {
        metrics.recordCommand(MailProtocol.SUBMISSION, verb.toUpperCase(Locale.ROOT), status,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private static String status(Throwable e) {
        return e instanceof MailTimeoutException || e instanceof TimeoutException ? "TIMEOUT" : "ERROR";
    }
}
