package io.deepmail.metrics.micrometer;

import static io.deepmail.metrics.micrometer.MailKeyNames.AUTH_METHOD;
import static io.deepmail.metrics.micrometer.MailKeyNames.CIPHER;
import static io.deepmail.metrics.micrometer.MailKeyNames.KIND;
import static io.deepmail.metrics.micrometer.MailKeyNames.LEVEL;
import static io.deepmail.metrics.micrometer.MailKeyNames.MECHANISM;
import static io.deepmail.metrics.micrometer.MailKeyNames.MODE;
import static io.deepmail.metrics.micrometer.MailKeyNames.OUTCOME;
import static io.deepmail.metrics.micrometer.MailKeyNames.PREFERRED_MODE;
import static io.deepmail.metrics.micrometer.MailKeyNames.PROPERTY;
import static io.deepmail.metrics.micrometer.MailKeyNames.PROTOCOL;
import static io.deepmail.metrics.micrometer.MailKeyNames.REASON;
import static io.deepmail.metrics.micrometer.MailKeyNames.RESULT;
import static io.deepmail.metrics.micrometer.MailKeyNames.SEVERITY;
import static io.deepmail.metrics.micrometer.MailKeyNames.SOURCE;
import static io.deepmail.metrics.micrometer.MailKeyNames.STATE;
import static io.deepmail.metrics.micrometer.MailKeyNames.STATUS;
import static io.deepmail.metrics.micrometer.MailKeyNames.TAG;
import static io.deepmail.metrics.micrometer.MailKeyNames.TLS_VERSION;
import static io.deepmail.metrics.micrometer.MailKeyNames.TYPE;
import static io.deepmail.metrics.micrometer.MailKeyNames.VERB;

import io.micrometer.common.docs.KeyName;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.docs.MeterDocumentation;
import org.jspecify.annotations.Nullable;

/**
 * Every meter {@link MicrometerMailClientMetricsRecorder} registers: its name, type, base unit and
 * tag keys. Each tag takes values from a bounded set; none names a host or account unless
 * {@link MailMetricsOptions#hostTags()} adds {@link MailKeyNames#HOST} to the meters that
 * {@link #acceptsHostTag() accept it}. No meter is created per connection.
 *
 * @since 0.1
 */
public enum MailMeters implements MeterDocumentation {

    /**
     * Connections by how they ended: {@code established} (one per session-security event),
     * {@code tls_failed} (TLS was not established, see {@link #TLS_FAILURES}) or
     * {@code connect_failed} (TCP). TLS version, cipher, authentication method and level are
     * {@code none} unless established.
     */
    CONNECTIONS(MailMeterNames.CONNECTIONS, Meter.Type.COUNTER, null, true,
            PROTOCOL, MODE, TLS_VERSION, CIPHER, AUTH_METHOD, LEVEL, OUTCOME),

    /** TCP connect time; outcome {@code success} or {@code failure}. */
    CONNECT_DURATION(MailMeterNames.CONNECT_DURATION, Meter.Type.TIMER, "seconds", false, PROTOCOL, MODE, OUTCOME),

    /**
     * TLS handshake time including the certificate, identity, DANE and negotiation checks, for
     * Implicit TLS and STARTTLS; outcome {@code success} or {@code failure}. Publishes a
     * percentile histogram unless {@link MailMetricsOptions#percentileHistograms()} is off.
     */
    TLS_HANDSHAKE_DURATION(MailMeterNames.TLS_HANDSHAKE_DURATION, Meter.Type.TIMER, "seconds", false,
            PROTOCOL, MODE, OUTCOME),

    /** Connections on which TLS was not established; reason is the failure's class from a fixed list. */
    TLS_FAILURES(MailMeterNames.TLS_FAILURES, Meter.Type.COUNTER, null, true, PROTOCOL, MODE, REASON),

    /** STARTTLS refused by the server ({@code refused}) or followed by plaintext ({@code injected}). */
    STARTTLS_FAILURES(MailMeterNames.STARTTLS_FAILURES, Meter.Type.COUNTER, null, false, PROTOCOL, REASON),

    /**
     * DANE outcomes: {@code dane_ee}, {@code dane_ta}, {@code dane_pkix_ta} or {@code dane_pkix_ee}
     * for a server DANE authenticated; {@code failed} when usable TLSA records matched nothing;
     * {@code dnssec_bogus} when the TLSA answer was bogus or indeterminate.
     */
    DANE_VERIFICATIONS(MailMeterNames.DANE_VERIFICATIONS, Meter.Type.COUNTER, null, false, PROTOCOL, RESULT),

    /**
     * One count per security tag ({@code tls}, {@code implicit}, {@code cert_pkix}, {@code cert_dane},
     * {@code pfs}) per established session.
     */
    SECURITY_TAGS(MailMeterNames.SECURITY_TAGS, Meter.Type.COUNTER, null, false, PROTOCOL, MODE, TAG),

    /** Sessions open now: connected and not yet disconnected. Needs the recorder's session observer. */
    SESSIONS_OPEN(MailMeterNames.SESSIONS_OPEN, Meter.Type.GAUGE, null, false, PROTOCOL),

    /** Session state changes, such as {@code tls_established} or {@code authenticated}. Needs the session observer. */
    SESSION_STATES(MailMeterNames.SESSION_STATES, Meter.Type.COUNTER, null, false, PROTOCOL, STATE),

    /**
     * Latch events by kind ({@code raised}, {@code confirmed}, {@code violated}, {@code warned},
     * {@code pending}, {@code upgrade_available}, ...); property for raised and confirmed latches
     * and source for confirmed ones, else {@code none}.
     */
    LATCH_EVENTS(MailMeterNames.LATCH_EVENTS, Meter.Type.COUNTER, null, false, PROTOCOL, KIND, PROPERTY, SOURCE),

    /**
     * One count per finding of a violated, warned or pending session: the property missing, the
     * state of the latch that required it ({@code provisional}, {@code normal}) and the severity
     * ({@code abort}, {@code pending}, {@code warn}).
     */
    LATCH_FINDINGS(MailMeterNames.LATCH_FINDINGS, Meter.Type.COUNTER, null, false, PROTOCOL, PROPERTY, STATE,
            SEVERITY),

    /**
     * Connect-race attempts: outcome {@code won}, {@code cancelled} or {@code failed}, and for
     * failures the reason from a fixed list ({@code none} otherwise). Wins by mode show which
     * transport the race chose.
     */
    CONNECT_ATTEMPTS(MailMeterNames.CONNECT_ATTEMPTS, Meter.Type.COUNTER, null, false, PROTOCOL, MODE, OUTCOME,
            REASON),

    /**
     * Connect races won by a candidate other than the most preferred one: the preferred candidate's
     * mode, the winner's mode, and the reason {@code preferred_failed} (it failed first) or
     * {@code preferred_slower} (it was still connecting). The winner's mode differing from the
     * preferred one is a race won by the non-preferred transport.
     */
    CONNECT_FALLBACKS(MailMeterNames.CONNECT_FALLBACKS, Meter.Type.COUNTER, null, false, PROTOCOL, PREFERRED_MODE,
            MODE, REASON),

    /**
     * DNS lookups answered by the network: type, DNSSEC status ({@code secure}, {@code insecure},
     * {@code bogus}, {@code indeterminate}) and outcome.
     */
    DNS_LOOKUP_DURATION(MailMeterNames.DNS_LOOKUP_DURATION, Meter.Type.TIMER, "seconds", false, TYPE, STATUS,
            OUTCOME),

    /** Protocol commands: verbs from a fixed list per protocol (else {@code other}), and the final status. */
    COMMAND_DURATION(MailMeterNames.COMMAND_DURATION, Meter.Type.TIMER, "seconds", false, PROTOCOL, VERB, STATUS),

    /** Authentications: the mechanism from a fixed list (else {@code other}) and the outcome. */
    AUTHENTICATION_DURATION(MailMeterNames.AUTHENTICATION_DURATION, Meter.Type.TIMER, "seconds", false, PROTOCOL,
            MECHANISM, OUTCOME),

    /** IDLE waits in progress now ({@code imap}): subscribed IDLE fluxes, refreshes included. */
    IDLE_SESSIONS(MailMeterNames.IDLE_SESSIONS, Meter.Type.GAUGE, null, false, PROTOCOL),

    /** IDLE ended with DONE and issued again before the server's inactivity timer. */
    IDLE_REFRESHES(MailMeterNames.IDLE_REFRESHES, Meter.Type.COUNTER, null, false, PROTOCOL),

    /** Messages submitted: outcome {@code accepted}, {@code rejected} (a 4xx or 5xx reply) or {@code failed}. */
    SUBMISSIONS(MailMeterNames.SUBMISSIONS, Meter.Type.COUNTER, null, false, OUTCOME),

    /** Message bytes handed to submission connections before dot-stuffing, by the message's outcome. */
    SUBMISSION_BYTES(MailMeterNames.SUBMISSION_BYTES, Meter.Type.COUNTER, "bytes", false, OUTCOME),

    /** Pooled connections lent out now, summed over the live pools of the protocol. */
    POOL_ACQUIRED(MailMeterNames.POOL_ACQUIRED, Meter.Type.GAUGE, null, false, PROTOCOL),

    /** Pooled connections open and idle in their pool now, summed over the live pools of the protocol. */
    POOL_IDLE(MailMeterNames.POOL_IDLE, Meter.Type.GAUGE, null, false, PROTOCOL),

    /** Borrowers waiting for a pooled connection now, summed over the live pools of the protocol. */
    POOL_PENDING(MailMeterNames.POOL_PENDING, Meter.Type.GAUGE, null, false, PROTOCOL),

    /**
     * Pooled connections open now, idle or lent out, summed over the live pools of the protocol. The
     * four pool gauges exist while at least one pool of the protocol is alive.
     */
    POOL_ALLOCATED(MailMeterNames.POOL_ALLOCATED, Meter.Type.GAUGE, null, false, PROTOCOL);

    private final String name;
    private final Meter.Type type;
    private final @Nullable String baseUnit;
    private final boolean acceptsHostTag;
    private final KeyName[] keys;

    MailMeters(String name, Meter.Type type, @Nullable String baseUnit, boolean acceptsHostTag, KeyName... keys) {
        this.name = name;
        this.type = type;
        this.baseUnit = baseUnit;
        this.acceptsHostTag = acceptsHostTag;
        this.keys = keys;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Meter.Type getType() {
        return type;
    }

    @Override
    public @Nullable String getBaseUnit() {
        return baseUnit;
    }

    @Override
    public KeyName[] getKeyNames() {
        return keys.clone();
    }

    @Override
    public KeyName[] getAdditionalKeyNames() {
        return acceptsHostTag ? new KeyName[] {MailKeyNames.HOST} : EMPTY;
    }

    /**
     * Whether the meter carries {@link MailKeyNames#HOST} when {@link MailMetricsOptions#hostTags()} is set.
     *
     * @return {@code true} for {@link #CONNECTIONS} and {@link #TLS_FAILURES}
     */
    public boolean acceptsHostTag() {
        return acceptsHostTag;
    }

    int keyCount() {
        return keys.length;
    }

    String key(int index) {
        return keys[index].asString();
    }
}
