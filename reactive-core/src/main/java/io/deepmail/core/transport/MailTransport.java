package io.deepmail.core.transport;

import io.deepmail.core.MailResources;
import io.deepmail.core.SessionObserver;
import io.deepmail.core.internal.transport.TransportConnector;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TlsProvider;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Opens TCP connections with deepmail's TLS policy, on Reactor Netty's {@code TcpClient}.
 * Copy-on-write: every configuration call returns a new instance and leaves this one unchanged,
 * so a transport can be shared and specialised per call site. Observers compose; they never
 * replace each other.
 *
 * <pre>{@code
 * MailTransport base = MailTransport.create(resources).tls(tlsOptions);
 * MailTransport audited = base.observe(auditObserver);   // base is unchanged
 * }</pre>
 *
 * @since 0.1
 */
public final class MailTransport {

    private final MailResources resources;
    private final TlsOptions tls;
    private final TimeoutOptions timeouts;
    private final SessionObserver observer;
    private final MailClientMetricsRecorder metrics;
    private final TransportConnector connector;

    private MailTransport(MailResources resources, TlsOptions tls, TimeoutOptions timeouts, SessionObserver observer,
            MailClientMetricsRecorder metrics, TransportConnector connector) {
        this.resources = resources;
        this.tls = tls;
        this.timeouts = timeouts;
        this.observer = observer;
        this.metrics = metrics;
        this.connector = connector;
    }

    /**
     * A transport on the given resources with default TLS options and timeouts.
     *
     * @param resources the event loops to run on
     * @return the transport
     */
    public static MailTransport create(MailResources resources) {
        Objects.requireNonNull(resources, "resources");
        TlsOptions tls = TlsOptions.defaults();
        TimeoutOptions timeouts = TimeoutOptions.defaults();
        return new MailTransport(resources, tls, timeouts, SessionObserver.NOOP, MailClientMetricsRecorder.NOOP,
                TransportConnector.create(resources, tls, timeouts, SessionObserver.NOOP,
                        MailClientMetricsRecorder.NOOP));
    }

    /**
     * A copy with other TLS options.
     *
     * @param options the TLS options
     * @return a new transport
     */
    public MailTransport tls(TlsOptions options) {
        Objects.requireNonNull(options, "options");
        return new MailTransport(resources, options, timeouts, observer, metrics,
                TransportConnector.create(resources, options, timeouts, observer, metrics));
    }

    /**
     * A copy with other timeouts.
     *
     * @param options the timeouts
     * @return a new transport
     */
    public MailTransport timeouts(TimeoutOptions options) {
        Objects.requireNonNull(options, "options");
        return new MailTransport(resources, tls, options, observer, metrics, connector.with(options, observer, metrics));
    }

    /**
     * A copy that also notifies {@code next}, after the observers already configured.
     *
     * @param next the observer to add
     * @return a new transport
     */
    public MailTransport observe(SessionObserver next) {
        SessionObserver composed = observer == SessionObserver.NOOP ? next : observer.then(next);
        return new MailTransport(resources, tls, timeouts, composed, metrics, connector.with(timeouts, composed, metrics));
    }

    /**
     * A copy that records metrics into {@code recorder}.
     *
     * @param recorder the recorder
     * @return a new transport
     */
    public MailTransport metrics(MailClientMetricsRecorder recorder) {
        Objects.requireNonNull(recorder, "recorder");
        return new MailTransport(resources, tls, timeouts, observer, recorder, connector.with(timeouts, observer,
                recorder));
    }

    /**
     * The TLS options.
     *
     * @return the options
     */
    public TlsOptions tlsOptions() {
        return tls;
    }

    /**
     * The timeouts.
     *
     * @return the timeouts
     */
    public TimeoutOptions timeoutOptions() {
        return timeouts;
    }

    /**
     * The observer every connection of this transport notifies: the composition of every
     * {@link #observe} call, or {@link SessionObserver#NOOP}. Protocol modules report their own
     * states (authenticated, protocol-specific ones) to it.
     *
     * @return the observer
     */
    public SessionObserver observer() {
        return observer;
    }

    /**
     * The metrics recorder.
     *
     * @return the recorder
     */
    public MailClientMetricsRecorder metricsRecorder() {
        return metrics;
    }

    /**
     * The TLS implementation connections will handshake with (builds the TLS context if needed).
     *
     * @return BoringSSL or the JDK
     */
    public TlsProvider tlsProvider() {
        return connector.tlsProvider();
    }

    /**
     * Opens a connection. For an Implicit-TLS endpoint the returned connection has completed the
     * handshake, the certificate and identity checks, and emitted its security event; for a
     * STARTTLS endpoint it is still in cleartext and the protocol must call
     * {@link MailConnection#startTls}. Cancelling closes the channel.
     *
     * @param request what to connect to
     * @return the connection, or a typed {@link io.deepmail.core.MailClientException}
     */
    public Mono<MailConnection> connect(ConnectRequest request) {
        return connector.connect(request);
    }
}
