package io.deepmail.metrics.micrometer;

/**
 * Every name this module gives Micrometer: meter names, observation names and tag keys, in one
 * place. Names are dot-separated with base units left to the registry, so a Prometheus registry
 * exports {@code mail.client.connections} as {@code mail_client_connections_total} and
 * {@code mail.client.tls.handshake.duration} as {@code mail_client_tls_handshake_duration_seconds}.
 *
 * @since 0.1
 */
public final class MailMeterNames {

    /** The prefix of every meter and observation. */
    public static final String PREFIX = "mail.client";

    /** Counter: connections by protocol, mode, TLS version, cipher, authentication, level and outcome. */
    public static final String CONNECTIONS = PREFIX + ".connections";

    /** Timer: TCP connects. */
    public static final String CONNECT_DURATION = PREFIX + ".connect.duration";

    /** Timer: TLS handshakes with their certificate, identity and DANE checks. */
    public static final String TLS_HANDSHAKE_DURATION = PREFIX + ".tls.handshake.duration";

    /** Counter: connections on which TLS was not established, by reason. */
    public static final String TLS_FAILURES = PREFIX + ".tls.failures";

    /** Counter: STARTTLS refused by the server or followed by injected plaintext. */
    public static final String STARTTLS_FAILURES = PREFIX + ".starttls.failures";

    /** Counter: DANE outcomes: the DANE method that authenticated a server, or why DANE refused one. */
    public static final String DANE_VERIFICATIONS = PREFIX + ".dane.verifications";

    /** Counter: security tags earned by established sessions. */
    public static final String SECURITY_TAGS = PREFIX + ".security.tags";

    /** Gauge: sessions open now, by protocol. */
    public static final String SESSIONS_OPEN = PREFIX + ".sessions.open";

    /** Counter: session state changes. */
    public static final String SESSION_STATES = PREFIX + ".session.states";

    /** Counter: latch events by kind. */
    public static final String LATCH_EVENTS = PREFIX + ".latch.events";

    /** Counter: latch findings (violations, warnings, pending sessions) by property, latch state and severity. */
    public static final String LATCH_FINDINGS = PREFIX + ".latch.findings";

    /** Counter: connect-race attempts by outcome and failure reason. */
    public static final String CONNECT_ATTEMPTS = PREFIX + ".connect.attempts";

    /** Timer: DNS lookups answered by the network, by record type, DNSSEC status and outcome. */
    public static final String DNS_LOOKUP_DURATION = PREFIX + ".dns.lookup.duration";

    /** Timer: protocol commands by protocol, verb and status. */
    public static final String COMMAND_DURATION = PREFIX + ".command.duration";

    /** Timer: authentications by protocol, mechanism and outcome. */
    public static final String AUTHENTICATION_DURATION = PREFIX + ".authentication.duration";

    /** Counter: connect races won by a candidate other than the most preferred one, by reason. */
    public static final String CONNECT_FALLBACKS = PREFIX + ".connect.fallbacks";

    /** Gauge: IMAP IDLE (and similar) waits in progress now, by protocol. */
    public static final String IDLE_SESSIONS = PREFIX + ".idle.sessions";

    /** Counter: IDLE renewed before the server's inactivity timer, by protocol. */
    public static final String IDLE_REFRESHES = PREFIX + ".idle.refreshes";

    /** Counter: messages submitted, by outcome. */
    public static final String SUBMISSIONS = PREFIX + ".submissions";

    /** Counter: message bytes submitted, by outcome. */
    public static final String SUBMISSION_BYTES = PREFIX + ".submission.bytes";

    /** Gauge: pooled connections lent out now, by protocol. */
    public static final String POOL_ACQUIRED = PREFIX + ".pool.acquired";

    /** Gauge: pooled connections open and waiting in their pool, by protocol. */
    public static final String POOL_IDLE = PREFIX + ".pool.idle";

    /** Gauge: borrowers waiting for a pooled connection, by protocol. */
    public static final String POOL_PENDING = PREFIX + ".pool.pending";

    /** Gauge: pooled connections open now, idle or lent out, by protocol. */
    public static final String POOL_ALLOCATED = PREFIX + ".pool.allocated";

    /** Observation: the TCP connect. */
    public static final String CONNECT_OBSERVATION = PREFIX + ".connect";

    /** Observation: the TLS handshake. */
    public static final String TLS_HANDSHAKE_OBSERVATION = PREFIX + ".tls.handshake";

    /** Observation: the authentication exchange. */
    public static final String AUTHENTICATION_OBSERVATION = PREFIX + ".authentication";

    /** Observation: one protocol command. */
    public static final String COMMAND_OBSERVATION = PREFIX + ".command";

    /** Tag key: {@code imap}, {@code pop3}, {@code submission}, or {@code none}. */
    public static final String PROTOCOL = "protocol";

    /** Tag key: {@code implicit}, {@code starttls} or {@code plaintext}. */
    public static final String MODE = "mode";

    /** Tag key: the mode of the most preferred candidate of a race: {@code implicit}, {@code starttls} or {@code plaintext}. */
    public static final String PREFERRED_MODE = "preferred.mode";

    /** Tag key: the negotiated protocol, such as {@code TLSv1.3}, or {@code none}. */
    public static final String TLS_VERSION = "tls.version";

    /** Tag key: the negotiated cipher suite as an IANA name, or {@code none}. */
    public static final String CIPHER = "cipher";

    /** Tag key: how the server's certificate was authenticated, such as {@code pkix} or {@code dane_ee}. */
    public static final String AUTH_METHOD = "auth.method";

    /** Tag key: the confidentiality level, {@code 0} or {@code 1}. */
    public static final String LEVEL = "level";

    /** Tag key: how something ended. */
    public static final String OUTCOME = "outcome";

    /** Tag key: a failure's class, from a fixed list. */
    public static final String REASON = "reason";

    /** Tag key: a DANE result. */
    public static final String RESULT = "result";

    /** Tag key: a security tag. */
    public static final String TAG = "tag";

    /** Tag key: a session state, or the state of a latch. */
    public static final String STATE = "state";

    /** Tag key: a kind of latch event. */
    public static final String KIND = "kind";

    /** Tag key: a latched property. */
    public static final String PROPERTY = "property";

    /** Tag key: what confirmed a latch. */
    public static final String SOURCE = "source";

    /** Tag key: what a latch finding does to the session. */
    public static final String SEVERITY = "severity";

    /** Tag key: a DNS record type. */
    public static final String TYPE = "type";

    /** Tag key: a DNSSEC status. */
    public static final String STATUS = "status";

    /** Tag key: a protocol command's verb. */
    public static final String VERB = "verb";

    /** Tag key: a SASL mechanism or login command. */
    public static final String MECHANISM = "mechanism";

    /** Key of observations: the failure's class from a fixed list, or {@code none}. */
    public static final String ERROR = "error";

    /** Tag and high-cardinality key, only when {@link MailMetricsOptions#hostTags()} is set: the endpoint's host. */
    public static final String HOST = "host";

    /** High-cardinality key, only when {@link MailMetricsOptions#hostTags()} is set: the endpoint's port. */
    public static final String PORT = "port";

    /** The value of a tag that does not apply, such as the cipher of a cleartext connection. */
    public static final String NONE = "none";

    /** The value every unknown or unbounded input folds into. */
    public static final String OTHER = "other";

    private MailMeterNames() {
    }
}
