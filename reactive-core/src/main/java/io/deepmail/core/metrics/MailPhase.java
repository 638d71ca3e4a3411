package io.deepmail.core.metrics;

/**
 * A phase of a session that a recorder can observe from start to end through
 * {@link MailClientMetricsRecorder#startPhase}. A closed, small set, so it is safe as a metrics tag.
 *
 * @since 0.1
 */
public enum MailPhase {

    /** The TCP connect, up to the established socket; no TLS yet. */
    CONNECT,

    /**
     * The TLS handshake with the certificate, identity, DANE and negotiation checks, for Implicit
     * TLS and after a STARTTLS go-ahead alike.
     */
    TLS_HANDSHAKE,

    /** The SASL exchange or login command, up to the server's final reply; the detail is the mechanism. */
    AUTHENTICATION,

    /** One protocol command, up to its final reply; the detail is the verb. */
    COMMAND
}
