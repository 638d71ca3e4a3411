package io.deepmail.imap.internal;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.transport.ExchangeEngine;
import io.deepmail.core.transport.ExchangeOptions;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.imap.command.Authenticate;
import io.deepmail.imap.command.Idle;
import io.deepmail.imap.command.ImapCommand;
import io.deepmail.imap.command.StartTls;
import io.deepmail.imap.internal.codec.CommandSegment;
import io.deepmail.imap.internal.codec.CommandSegmenter;
import io.deepmail.imap.internal.codec.DecoderLimits;
import io.deepmail.imap.internal.codec.ImapCommandEncoder;
import io.deepmail.imap.internal.codec.ImapResponseDecoder;
import io.deepmail.imap.internal.codec.LiteralMode;
import io.deepmail.imap.internal.codec.Outbound;
import io.deepmail.imap.response.Continuation;
import io.deepmail.imap.response.ImapResponse;
import io.deepmail.imap.response.StatusResponse;
import io.deepmail.imap.response.Tagged;
import io.deepmail.imap.response.Untagged;
import io.deepmail.imap.response.UntaggedStatus;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One IMAP conversation on one connection: the codec and the core exchange engine with a
 * {@link TagCorrelator}, tags from a per-session counter, and the capabilities that decide how
 * literals and names are written. Every method returns the responses routed to its command, the
 * tagged completion last; turning NO and BAD into errors is the caller's business. Every command
 * written is measured for the transport's {@link MailClientMetricsRecorder} (see {@link CommandMeter}).
 */
public final class ImapChannel {

    private static final Set<Class<? extends Untagged>> GREETING = Set.of(Untagged.class);

    private final MailConnection connection;
    private final ExchangeEngine<Outbound, ImapResponse> engine;
    private final MailClientMetricsRecorder metrics;
    private final BiFunction<String, StatusResponse, Throwable> refusal;
    private final AtomicLong tags = new AtomicLong();
    private volatile Set<String> capabilities = Set.of();
    private volatile boolean utf8Enabled;
    private final AlertTap alerts;

    private ImapChannel(MailConnection connection, DecoderLimits limits, ExchangeOptions options,
            MailClientMetricsRecorder metrics, BiFunction<String, StatusResponse, Throwable> refusal) {
        this.connection = connection;
        this.metrics = metrics;
        this.refusal = refusal;
        connection.addCodec("imap.decoder", new ImapResponseDecoder(limits))
                .addCodec("imap.encoder", new ImapCommandEncoder());
        this.alerts = new AlertTap(connection);
        this.engine = connection.exchange(new TagCorrelator(alerts), options);
    }

    /**
     * Installs the codec and the engine on a fresh connection.
     *
     * @param connection the connection
     * @param limits decoder bounds
     * @param options engine bounds; pipelining lets independent commands overlap
     * @param metrics the recorder every command is measured for
     * @param refusal the typed failure of a NO or BAD completion of a verb, handed to the command's phase
     * @return the channel
     */
    public static ImapChannel install(MailConnection connection, DecoderLimits limits, ExchangeOptions options,
            MailClientMetricsRecorder metrics, BiFunction<String, StatusResponse, Throwable> refusal) {
        return new ImapChannel(connection, limits, options, metrics, refusal);
    }

    /**
     * The recorder commands are measured for.
     *
     * @return the recorder
     */
    public MailClientMetricsRecorder metrics() {
        return metrics;
    }

    /**
     * The connection.
     *
     * @return the connection
     */
    public MailConnection connection() {
        return connection;
    }

    /**
     * The capabilities in force: empty until set, and cleared by {@link #startTls()} (TLS-12).
     *
     * @return upper-case capability names
     */
    public Set<String> capabilities() {
        return capabilities;
    }

    /**
     * Replaces the capabilities, from a CAPABILITY response or response code.
     *
     * @param names the names, upper case
     */
    public void capabilities(Set<String> names) {
        capabilities = Set.copyOf(names);
    }

    /**
     * Marks UTF8=ACCEPT as enabled: names and quoted strings go out as UTF-8.
     */
    public void utf8Enabled() {
        utf8Enabled = true;
    }

    /**
     * Waits for the greeting: the first untagged response, which must be a status response; any
     * other data first is a {@link ProtocolViolationException}, not something to wait past.
     *
     * @return the greeting
     */
    public Mono<UntaggedStatus> greeting() {
        return engine.exchange(new CommandKey("*", GREETING, false), Flux.<CommandSegment>empty(),
                        r -> r instanceof Untagged)
                .last()
                .flatMap(r -> {
                    if (r instanceof UntaggedStatus s) {
                        return Mono.just(s);
                    }
                    ReferenceCountUtil.release(r); // a literal chunk, in a greeting of FETCH data
                    return Mono.error(new ProtocolViolationException("the server greeted with "
                            + r.getClass().getSimpleName() + " instead of OK, PREAUTH or BYE"));
                });
    }

    /**
     * Runs a command: writes it (waiting for {@code +} after every synchronizing literal) and emits
     * the untagged data routed to it, then its tagged completion. Continuation requests are consumed.
     *
     * @param command the command
     * @return the responses
     */
    public Flux<ImapResponse> execute(ImapCommand command) {
        return Flux.defer(() -> {
            String tag = nextTag();
            List<CommandSegment> segments = segmenter().segments(tag, command.verb(), CommandWire.args(command,
                    utf8Enabled));
            CommandKey key = new CommandKey(tag, CommandWire.accepts(command), segments.size() > 1);
            if (segments.size() == 1) {
                return metered(command.verb(), engine.exchange(key, LiteralStreams.expand(segments.get(0)),
                        tagged(tag)));
            }
            Sinks.Many<Continuation> go = Sinks.many().unicast().onBackpressureBuffer();
            Flux<Outbound> commands = Flux.concat(LiteralStreams.expand(segments.get(0)),
                    go.asFlux().take(segments.size() - 1L).index()
                            .concatMap(t -> LiteralStreams.expand(segments.get(t.getT1().intValue() + 1))));
            return metered(command.verb(), engine.exchange(key, commands, tagged(tag)))
                    .doOnNext(r -> {
                        if (r instanceof Continuation c) {
                            go.tryEmitNext(c);
                        }
                    })
                    .filter(r -> !(r instanceof Continuation));
        });
    }

    /**
     * AUTHENTICATE: answers each continuation request with {@code responder}'s line.
     *
     * @param command the command, with the initial response when SASL-IR is used
     * @param responder maps a base64 challenge to the base64 response line ({@code "*"} cancels)
     * @return the responses, continuation requests consumed
     */
    public Flux<ImapResponse> authenticate(Authenticate command, Function<String, String> responder) {
        return Flux.defer(() -> {
            String tag = nextTag();
            List<CommandSegment> segments = segmenter().segments(tag, command.verb(), CommandWire.args(command,
                    utf8Enabled));
            CommandKey key = new CommandKey(tag, CommandWire.accepts(command), true);
            Sinks.Many<Outbound> answers = Sinks.many().unicast().onBackpressureBuffer();
            return metered(command.verb(), engine.exchange(key, Flux.concat(Flux.fromIterable(segments),
                            answers.asFlux()), tagged(tag)))
                    .doOnNext(r -> {
                        if (r instanceof Continuation c) {
                            answers.tryEmitNext(CommandSegment.line(responder.apply(c.text())));
                        }
                    })
                    .filter(r -> !(r instanceof Continuation));
        });
    }

    /**
     * IDLE (RFC 2177): emits the untagged data that arrives while idling; writes DONE once the
     * server has confirmed IDLE and {@code done} completes, then ends with the tagged completion.
     * The engine keeps reading after a cancel until that completion, so the session stays in step.
     *
     * @param done when to leave IDLE
     * @return the updates, then the tagged completion
     */
    public Flux<ImapResponse> idle(Mono<Void> done) {
        return Flux.defer(() -> {
            String tag = nextTag();
            CommandSegment idle = segmenter().segments(tag, "IDLE", List.of()).get(0);
            CommandKey key = new CommandKey(tag, CommandWire.accepts(new Idle()), true);
            Sinks.Empty<Void> confirmed = Sinks.empty();
            Flux<Outbound> commands = Flux.concat(Mono.just(idle),
                    Mono.when(done, confirmed.asMono()).then(Mono.fromSupplier(() -> CommandSegment.line("DONE"))));
            return metered("IDLE", engine.exchange(key, commands, tagged(tag)))
                    .handle((r, sink) -> {
                        if (r instanceof Continuation) {
                            confirmed.tryEmitEmpty();
                        } else {
                            sink.next(r);
                        }
                    });
        });
    }

    /**
     * STARTTLS through the core primitive: exclusive, injection-checked, verified. Capabilities
     * learned before are forgotten (TLS-12).
     *
     * @return the security of the upgraded connection
     */
    public Mono<SessionSecurity> startTls() {
        return Mono.defer(() -> {
            String tag = nextTag();
            CommandSegment command = segmenter().segments(tag, new StartTls().verb(), List.of()).get(0);
            capabilities = Set.of();
            CommandMeter meter = CommandMeter.start(metrics, connection.endpoint(), "STARTTLS", refusal);
            Predicate<ImapResponse> last = tagged(tag);
            return connection.startTls(engine, command, r -> {
                        boolean done = last.test(r);
                        if (done) {
                            meter.tagged(((Tagged) r).status());
                        }
                        return done;
                    }, r -> r instanceof Tagged t && t.isOk())
                    .doOnSuccess(s -> meter.completed())
                    .doOnError(meter::failed)
                    .doOnCancel(meter::cancelled);
        });
    }

    /** The command's responses, measured from subscription (when the command is handed to the engine). */
    private Flux<ImapResponse> metered(String verb, Flux<ImapResponse> responses) {
        return Flux.defer(() -> {
            CommandMeter meter = CommandMeter.start(metrics, connection.endpoint(), verb, refusal);
            // One signal hook instead of three: these operators stay allocated for as long as the
            // command runs, which for IDLE is the life of the session.
            return responses
                    .doOnEach(signal -> {
                        if (signal.isOnNext()) {
                            ImapResponse r = signal.get();
                            if (r instanceof Tagged t) {
                                meter.tagged(t.status());
                            } else if (r instanceof UntaggedStatus u && u.status().kind() == StatusResponse.Kind.BYE) {
                                meter.bye();
                            }
                        } else if (signal.isOnError()) {
                            meter.failed(Objects.requireNonNull(signal.getThrowable()));
                        } else if (signal.isOnComplete()) {
                            meter.completed();
                        }
                    })
                    .doOnCancel(meter::cancelled);
        });
    }

    /**
     * Untagged data no command collected, such as EXISTS while no command runs. One subscriber.
     *
     * @return the unsolicited data
     */
    public Flux<Untagged> unsolicited() {
        return engine.unsolicited().ofType(Untagged.class).doFinally(signal -> alerts.complete());
    }

    /**
     * The text of every {@code [ALERT]} response code received inside TLS, tagged or untagged, in
     * order: the last {@value AlertTap#KEPT} are replayed to a late subscriber. An ALERT that arrives
     * before TLS is up is never emitted (TLS-13, RFC 9051 §11.3): it is not the authenticated
     * server's word. Completes when the unsolicited stream ends.
     *
     * @return the alert texts
     */
    public Flux<String> alerts() {
        return alerts.alerts();
    }

    /**
     * Closes the connection, with close_notify when TLS is up.
     *
     * @return completion
     */
    public Mono<Void> close() {
        return connection.close();
    }

    private CommandSegmenter segmenter() {
        Set<String> caps = capabilities;
        LiteralMode mode = caps.contains("LITERAL+") ? LiteralMode.LITERAL_PLUS
                : caps.contains("LITERAL-") || caps.contains("IMAP4REV2") ? LiteralMode.LITERAL_MINUS
                : LiteralMode.SYNCHRONIZING; // RFC 9051 includes LITERAL-
        return new CommandSegmenter(mode, utf8Enabled || caps.contains("IMAP4REV2") && !caps.contains("IMAP4REV1"));
    }

    private String nextTag() {
        return "A" + tags.incrementAndGet();
    }

    private static Predicate<ImapResponse> tagged(String tag) {
        return r -> r instanceof Tagged t && t.tag().equals(tag);
    }

    @Override
    public String toString() {
        return "ImapChannel[" + connection.endpoint() + ", " + String.join(" ", capabilities).toLowerCase(Locale.ROOT)
                + "]";
    }
}
