package io.deepmail.metrics.micrometer;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailClientException;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.SessionObserver;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.latch.LatchEvent;
import io.deepmail.core.latch.LatchService;
import io.deepmail.core.metrics.AttemptOutcome;
import io.deepmail.core.metrics.FallbackReason;
import io.deepmail.core.metrics.IdleEvent;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.metrics.MailPhase;
import io.deepmail.core.metrics.PhaseHandle;
import io.deepmail.core.metrics.PoolGauges;
import io.deepmail.core.metrics.SubmissionOutcome;
import io.deepmail.core.security.SessionSecurityEvent;
import io.deepmail.core.transport.MailTransport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * deepmail's metrics recorder on Micrometer: the meters of {@link MailMeters} and, when given an
 * {@link ObservationRegistry}, the observations of {@link MailObservations}. Meters are registered on
 * first use and cached; every tag value comes from a bounded set, and no meter is created per
 * connection. Copy-on-write: {@link #observations} and {@link #observationConvention} return new
 * recorders sharing this one's meters. Thread-safe and non-blocking.
 *
 * <pre>{@code
 * var metrics = MicrometerMailClientMetricsRecorder.create(meterRegistry).observations(observationRegistry);
 * MailTransport transport = metrics.instrument(MailTransport.create(resources));
 * LatchService latches = metrics.instrument(LatchService.create(store));
 * DnsLookup dns = DnsLookup.create(resources, DnsOptions.defaults(), metrics);
 * }</pre>
 *
 * <p>Use one recorder per meter registry: the open-sessions, IDLE and pool gauges belong to the
 * first recorder that registers them.
 *
 * @since 0.1
 */
public final class MicrometerMailClientMetricsRecorder implements MailClientMetricsRecorder {

    private final Meters meters;
    private final MailMetricsOptions options;
    private final SecurityMeters security;
    private final LatchMeters latches;
    private final SessionStateMeters sessions;
    private final IdleMeters idle;
    private final PoolMeters pools;
    private final ObservationRegistry observations;
    private final @Nullable MailObservationConvention convention;
    private final MailObservationConvention defaultConvention;

    private MicrometerMailClientMetricsRecorder(Meters meters, MailMetricsOptions options, SecurityMeters security,
            LatchMeters latches, SessionStateMeters sessions, IdleMeters idle, PoolMeters pools,
            ObservationRegistry observations, @Nullable MailObservationConvention convention) {
        this.meters = meters;
        this.options = options;
        this.security = security;
        this.latches = latches;
        this.sessions = sessions;
        this.idle = idle;
        this.pools = pools;
        this.observations = observations;
        this.convention = convention;
        this.defaultConvention = new DefaultMailObservationConvention(options.hostTags());
    }

    /**
     * A recorder on {@code registry} with the default options and no observations.
     *
     * @param registry where meters are registered
     * @return the recorder
     */
    public static MicrometerMailClientMetricsRecorder create(MeterRegistry registry) {
        return create(registry, MailMetricsOptions.defaults());
    }

    /**
     * A recorder on {@code registry} with the given options and no observations.
     *
     * @param registry where meters are registered
     * @param options what to record beyond the defaults
     * @return the recorder
     */
    public static MicrometerMailClientMetricsRecorder create(MeterRegistry registry, MailMetricsOptions options) {
        Meters meters = new Meters(Objects.requireNonNull(registry, "registry"),
                Objects.requireNonNull(options, "options"));
        return new MicrometerMailClientMetricsRecorder(meters, options,
                new SecurityMeters(meters, options.maxCipherSuites()), new LatchMeters(meters),
                new SessionStateMeters(meters), new IdleMeters(meters), new PoolMeters(meters),
                ObservationRegistry.NOOP, null);
    }

    /**
     * A copy that also starts observations around connects, handshakes, authentications and commands.
     *
     * @param registry the observation registry
     * @return a new recorder sharing this one's meters
     */
    public MicrometerMailClientMetricsRecorder observations(ObservationRegistry registry) {
        return new MicrometerMailClientMetricsRecorder(meters, options, security, latches, sessions, idle, pools,
                Objects.requireNonNull(registry, "registry"), convention);
    }

    /**
     * A copy whose observations use {@code custom} instead of {@link DefaultMailObservationConvention}.
     *
     * @param custom the convention
     * @return a new recorder sharing this one's meters
     */
    public MicrometerMailClientMetricsRecorder observationConvention(MailObservationConvention custom) {
        return new MicrometerMailClientMetricsRecorder(meters, options, security, latches, sessions, idle, pools,
                observations, Objects.requireNonNull(custom, "custom"));
    }

    /**
     * The options.
     *
     * @return the options
     */
    public MailMetricsOptions options() {
        return options;
    }

    /**
     * The observer that keeps {@link MailMeters#SESSIONS_OPEN} and {@link MailMeters#SESSION_STATES}.
     * It ignores security and latch events, which reach this recorder directly.
     *
     * @return the observer, shared by the copies of this recorder
     */
    public SessionObserver sessionObserver() {
        return sessions;
    }

    /**
     * {@code transport} recording into this recorder and observed by {@link #sessionObserver()}.
     *
     * @param transport the transport
     * @return the instrumented copy
     */
    public MailTransport instrument(MailTransport transport) {
        return transport.metrics(this).observe(sessions);
    }

    /**
     * {@code service} recording its latch events into this recorder.
     *
     * @param service the latch service
     * @return the instrumented copy
     */
    public LatchService instrument(LatchService service) {
        return service.metrics(this);
    }

    @Override
    public void recordConnectTime(Endpoint endpoint, Duration duration, boolean success) {
        meters.time(MailMeters.CONNECT_DURATION, duration, TagValues.protocol(endpoint.protocol()),
                TagValues.lower(endpoint.mode()), outcome(success));
        if (!success) {
            security.failed(endpoint, SecurityMeters.CONNECT_FAILED);
        }
    }

    @Override
    public void recordTlsHandshakeTime(Endpoint endpoint, Duration duration, boolean success) {
        meters.time(MailMeters.TLS_HANDSHAKE_DURATION, duration, TagValues.protocol(endpoint.protocol()),
                TagValues.lower(endpoint.mode()), outcome(success));
    }

    private static String outcome(boolean success) {
        return success ? MailObservationContext.SUCCESS : MailObservationContext.FAILURE;
    }

    @Override
    public void recordTlsFailure(Endpoint endpoint, MailClientException failure) {
        security.tlsFailure(endpoint, failure);
    }

    @Override
    public void recordConnectAttempt(Endpoint endpoint, AttemptOutcome outcome, @Nullable Throwable failure) {
        meters.count(MailMeters.CONNECT_ATTEMPTS, null, TagValues.protocol(endpoint.protocol()),
                TagValues.lower(endpoint.mode()), TagValues.lower(outcome),
                outcome == AttemptOutcome.FAILED ? FailureReasons.of(failure) : MailMeterNames.NONE);
    }

    @Override
    public void recordConnectFallback(Endpoint preferred, Endpoint winner, FallbackReason reason) {
        meters.count(MailMeters.CONNECT_FALLBACKS, null, TagValues.protocol(winner.protocol()),
                TagValues.lower(preferred.mode()), TagValues.lower(winner.mode()), TagValues.lower(reason));
    }

    @Override
    public void recordIdle(MailProtocol protocol, IdleEvent event) {
        idle.record(protocol, event);
    }

    @Override
    public void recordSubmission(SubmissionOutcome outcome, long bytes) {
        String value = TagValues.lower(outcome);
        meters.count(MailMeters.SUBMISSIONS, null, value);
        meters.add(MailMeters.SUBMISSION_BYTES, bytes, value);
    }

    @Override
    public Disposable registerPool(MailProtocol protocol, PoolGauges gauges) {
        return pools.register(protocol, Objects.requireNonNull(gauges, "gauges"));
    }

    @Override
    public void recordSessionSecurity(SessionSecurityEvent event) {
        security.established(event);
    }

    @Override
    public void recordLatchEvent(LatchEvent event) {
        latches.record(event);
    }

    @Override
    public void recordDnsLookup(String recordType, DnssecStatus status, DnsAnswer.Outcome outcome,
            Duration duration) {
        meters.time(MailMeters.DNS_LOOKUP_DURATION, duration, TagValues.recordType(recordType),
                TagValues.lower(status), TagValues.lower(outcome));
    }

    @Override
    public void recordCommand(MailProtocol protocol, String verb, String status, Duration duration) {
        meters.time(MailMeters.COMMAND_DURATION, duration, TagValues.protocol(protocol),
                CommandVerbs.verb(protocol, verb), CommandVerbs.status(status));
    }

    @Override
    public PhaseHandle startPhase(MailPhase phase, Endpoint endpoint, String detail) {
        boolean observed = !observations.isNoop();
        if (!observed && phase != MailPhase.AUTHENTICATION) {
            return PhaseHandle.NOOP;
        }
        MailObservationContext context = null;
        Observation observation = null;
        if (observed) {
            MailObservationContext c = new MailObservationContext(phase, endpoint, detail);
            observation = Observation.createNotStarted(convention, defaultConvention, () -> c, observations).start();
            context = c;
        }
        return new ObservedPhase(meters, phase, endpoint, detail, observation, context);
    }
}
