package io.deepmail.core.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The one structured event emitted per connection once TLS and the identity check have finished
 * (TLS-21, REQUIREMENTS §2.4), delivered to {@link io.deepmail.core.SessionObserver} and to the
 * metrics recorder SPI. Carries no Micrometer or logging types.
 *
 * @param timestamp when the session was established
 * @param security what protected the session
 * @param connectTime time from the start of the TCP connect to the established connection
 * @param handshakeTime time the TLS handshake took, zero in cleartext
 * @since 0.1
 */
public record SessionSecurityEvent(Instant timestamp, SessionSecurity security, Duration connectTime,
        Duration handshakeTime) {

    /**
     * Validates the event.
     *
     * @param timestamp when
     * @param security what
     * @param connectTime connect duration
     * @param handshakeTime handshake duration
     */
    public SessionSecurityEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(connectTime, "connectTime");
        Objects.requireNonNull(handshakeTime, "handshakeTime");
    }
}
