package io.deepmail.submission.internal;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One connection speaking SMTP: the submission codec and the core's exchange engine with the FIFO
 * correlator, since SMTP replies arrive in command order with or without PIPELINING. Pipelining is
 * done by putting several commands in one exchange whose last reply is counted, so the engine
 * itself runs exchanges one at a time.
 */
final class SmtpWire {

    private final MailConnection connection;
    private final ExchangeEngine<Object, SmtpResponse> engine;

    private SmtpWire(MailConnection connection, Duration responseTimeout) {
        this.connection = connection;
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
     * @return the wire
     */
    static SmtpWire install(MailConnection connection, Duration responseTimeout) {
        return new SmtpWire(connection, responseTimeout);
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
        return engine.exchange(command, r -> true).single();
    }

    /** Several commands written together (RFC 2920), one reply each, in order. */
    Flux<SmtpResponse> pipelined(List<SmtpCommand> commands) {
        return Flux.defer(() -> {
            AtomicInteger replies = new AtomicInteger();
            Predicate<SmtpResponse> isLast = r -> replies.incrementAndGet() == commands.size();
            return engine.exchange(Flux.fromIterable(commands), isLast);
        });
    }

    /** Content chunks, ending with the reply {@code isLast} accepts. */
    Flux<SmtpResponse> content(Publisher<ContentChunk> chunks, Predicate<SmtpResponse> isLast) {
        return engine.exchange(chunks, isLast);
    }
}
