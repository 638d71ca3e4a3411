package io.deepmail.core;

import java.time.Duration;
import java.util.Objects;

/**
 * A step did not finish within its finite timeout. Every step deepmail runs has one; see
 * {@link io.deepmail.core.transport.TimeoutOptions}.
 *
 * @since 0.1
 */
public non-sealed class MailTimeoutException extends MailClientException {

    private static final long serialVersionUID = 1L;

    private final String phase;
    private final Duration timeout;

    /**
     * Creates a timeout failure.
     *
     * @param phase the step that timed out, for example {@code "TLS handshake"}
     * @param timeout the limit that was exceeded
     */
    public MailTimeoutException(String phase, Duration timeout) {
        super(phase + " did not complete within " + timeout.toMillis() + " ms", null);
        this.phase = Objects.requireNonNull(phase, "phase");
        this.timeout = timeout;
    }

    /**
     * The step that timed out.
     *
     * @return a short description such as {@code "connect"} or {@code "TLS handshake"}
     */
    public String phase() {
        return phase;
    }

    /**
     * The limit that was exceeded.
     *
     * @return the configured timeout
     */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
