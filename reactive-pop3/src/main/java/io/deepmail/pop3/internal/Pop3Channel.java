package io.deepmail.pop3.internal;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.transport.ExchangeEngine;
import io.deepmail.core.transport.ExchangeOptions;
import io.deepmail.core.transport.FifoCorrelator;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.pop3.Pop3ClientOptions;
import io.deepmail.pop3.Pop3ErrException;
import io.deepmail.pop3.internal.codec.DecoderLimits;
import io.deepmail.pop3.internal.codec.Expectations;
import io.deepmail.pop3.internal.codec.Pop3Command;
import io.deepmail.pop3.internal.codec.Pop3CommandEncoder;
import io.deepmail.pop3.internal.codec.Pop3ResponseDecoder;
import io.deepmail.pop3.response.Err;
import io.deepmail.pop3.response.MultiLine;
import io.deepmail.pop3.response.Ok;
import io.deepmail.pop3.response.Pop3Response;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One connection's POP3 plumbing: the codec and the FIFO exchange engine installed on it, and the
 * three ways sessions talk through it (one status line, a streamed multi-line response, the lines
 * of a listing). The engine always allows pipelining; unless the server offers {@code PIPELINING},
 * this class holds each exchange back until the one subscribed before it has finished. Every
 * command is measured for the transport's {@link MailClientMetricsRecorder} (see {@link CommandMeter})
 * from the moment it is handed to the engine.
 */
final class Pop3Channel {

    static final String DECODER = "pop3.decoder";
    static final String ENCODER = "pop3.encoder";

    private final MailConnection connection;
    private final ExchangeEngine<Pop3Command, Pop3Response> engine;
    private final MailClientMetricsRecorder metrics;
    private volatile boolean pipelining;
    private Mono<Void> tail = Mono.empty();

    private Pop3Channel(MailConnection connection, ExchangeEngine<Pop3Command, Pop3Response> engine,
            MailClientMetricsRecorder metrics) {
        this.connection = connection;
        this.engine = engine;
        this.metrics = metrics;
    }

    static Pop3Channel install(MailConnection connection, Pop3ClientOptions options,
            MailClientMetricsRecorder metrics) {
        Expectations expectations = new Expectations();
        DecoderLimits limits = new DecoderLimits(options.maxStatusLineLength(), options.maxDataLineLength(),
                options.maxMessageSize(), options.chunkSize());
        connection.addCodec(DECODER, new Pop3ResponseDecoder(expectations, limits))
                .addCodec(ENCODER, new Pop3CommandEncoder(expectations));
        ExchangeOptions exchange = ExchangeOptions.builder().pipelining(true)
                .maxPendingConversations(options.maxPendingCommands())
                .responseTimeout(options.responseTimeout()).build();
        return new Pop3Channel(connection, connection.<Pop3Command, Pop3Response>exchange(FifoCorrelator.instance(),
                exchange), metrics);
    }

    MailClientMetricsRecorder metrics() {
        return metrics;
    }

    MailConnection connection() {
        return connection;
    }

    void pipelining(boolean enabled) {
        pipelining = enabled;
    }

    /** The greeting: the responses up to the first final one, with no command written. */
    Flux<Pop3Response> greeting() {
        return Flux.defer(() -> gated(engine.exchange(Flux.empty(), Pop3Response::isFinal)));
    }

    /**
     * Every response to one command (or to a SASL dialogue), up to its final one, measured under
     * {@code verb}.
     */
    Flux<Pop3Response> exchange(String verb, Publisher<Pop3Command> commands) {
        return Flux.defer(() -> gated(Flux.defer(() -> {
            CommandMeter meter = CommandMeter.start(metrics, connection.endpoint(), verb);
            return engine.exchange(commands, Pop3Response::isFinal)
                    .doOnNext(meter::response)
                    .doOnError(meter::failed)
                    .doOnComplete(meter::completed)
                    .doOnCancel(meter::cancelled);
        })));
    }

    /**
     * STLS through the core STARTTLS primitive, measured like any command. A {@code -ERR} is the
     * core's {@link StartTlsUnavailableException} with the {@link io.deepmail.pop3.Pop3ErrException}
     * (and its response code) as the cause.
     *
     * @return the security of the upgraded connection
     */
    Mono<SessionSecurity> startTls() {
        return Mono.defer(() -> {
            CommandMeter meter = CommandMeter.start(metrics, connection.endpoint(), Pop3Command.stls().verb());
            AtomicReference<@Nullable Err> refusal = new AtomicReference<>();
            return connection.startTls(engine, Pop3Command.stls(), r -> {
                        meter.response(r);
                        if (r instanceof Err err) {
                            refusal.set(err);
                        }
                        return r.isFinal();
                    }, r -> r instanceof Ok)
                    .onErrorMap(e -> e instanceof StartTlsUnavailableException && refusal.get() != null,
                            e -> new StartTlsUnavailableException(e.getMessage(),
                                    Pop3Errors.refused(Pop3Command.stls(), Objects.requireNonNull(refusal.get()))))
                    .doOnSuccess(s -> meter.completed())
                    .doOnError(meter::failed)
                    .doOnCancel(meter::cancelled);
        });
    }

    /** A command answered by one status line: {@code +OK} or a {@link Pop3ErrException}. */
    Mono<Ok> single(Pop3Command command) {
        return exchange(command.verb(), Mono.just(command)).last().flatMap(r -> {
            if (r instanceof Ok ok) {
                return Mono.just(ok);
            }
            if (r instanceof Err err) {
                return Mono.error(Pop3Errors.refused(command, err));
            }
            return Mono.error(new ProtocolViolationException("unexpected answer to " + command.verb() + ": " + r));
        });
    }

    /**
     * A multi-line command's data, dot-unstuffed, as buffers the subscriber must release. A
     * {@code -ERR} answer fails the flux.
     */
    Flux<ByteBuf> data(Pop3Command command) {
        return exchange(command.verb(), Mono.just(command)).<ByteBuf>handle((r, sink) -> {
            if (r instanceof MultiLine.Chunk chunk) {
                sink.next(chunk.content());
            } else if (r instanceof Err err) {
                sink.error(Pop3Errors.refused(command, err));
            } else if (!(r instanceof MultiLine)) {
                sink.error(new ProtocolViolationException("unexpected answer to " + command.verb() + ": " + r));
            }
        }).doOnDiscard(ReferenceCounted.class, ReferenceCounted::release);
    }

    /** A multi-line command's data as text lines, for listings; bounded by the message size limit alone. */
    Mono<List<String>> lines(Pop3Command command) {
        return lines(command, Long.MAX_VALUE);
    }

    /**
     * A multi-line command's data as text lines, failing with a {@link ProtocolViolationException}
     * as soon as it passes {@code maxOctets}, so that no more than that is ever held.
     */
    Mono<List<String>> lines(Pop3Command command, long maxOctets) {
        return data(command).collect(ByteArrayOutputStream::new, (out, buf) -> {
            try {
                if (out.size() + (long) buf.readableBytes() > maxOctets) {
                    throw new ProtocolViolationException("the answer to " + command.verb() + " passed "
                            + maxOctets + " octets");
                }
                buf.readBytes(out, buf.readableBytes());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                buf.release();
            }
        }).map(out -> splitLines(out.toString(StandardCharsets.UTF_8)));
    }

    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int eol = text.indexOf("\r\n", start);
            if (eol < 0) {
                lines.add(text.substring(start));
                break;
            }
            lines.add(text.substring(start, eol));
            start = eol + 2;
        }
        return lines;
    }

    Mono<Void> close() {
        return connection.close();
    }

    private Flux<Pop3Response> gated(Flux<Pop3Response> exchange) {
        if (pipelining) {
            return exchange;
        }
        Sinks.Empty<Void> done = Sinks.empty();
        Mono<Void> previous;
        synchronized (this) {
            previous = tail;
            tail = done.asMono();
        }
        return previous.thenMany(exchange).doFinally(s -> done.tryEmitEmpty());
    }
}
