package io.deepmail.core.internal.transport;

import io.deepmail.core.SessionObserver;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.security.SessionSecurityEvent;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits the outputs of an established session, exactly once per connection (TLS-21): the
 * Postfix-style log line (TAG-07), the observer event and the metrics event.
 */
final class SecurityEvents {

    /** Logger name of the one-line-per-connection TLS log, so it can be routed on its own. */
    static final String TLS_LOGGER = "io.deepmail.tls";

    private static final Logger LOG = LoggerFactory.getLogger(TLS_LOGGER);

    private SecurityEvents() {
    }

    static SessionSecurityEvent publish(SessionSecurity security, Duration connectTime, Duration handshakeTime,
            SessionObserver observer, MailClientMetricsRecorder metrics) {
        SessionSecurityEvent event = new SessionSecurityEvent(Instant.now(), security, connectTime, handshakeTime);
        if (LOG.isInfoEnabled()) {
            // The line is built only when it is written: a profile of connection setup (benchmark B1)
            // showed it costing about 3% of the CPU per connection with the logger off.
            LOG.info(security.logLine());
        }
        if (security.has(SecurityTag.TLS)) {
            observer.onStateChange(security.endpoint(), SessionObserver.State.TLS_ESTABLISHED);
        }
        observer.onSecurityEvent(event);
        metrics.recordSessionSecurity(event);
        return event;
    }
}
