package io.deepmail.pop3;

import io.deepmail.core.SessionObserver;

/**
 * The POP3 states (RFC 1939 §3) a {@link SessionObserver} sees next to the core ones. A normal
 * session reports {@code CONNECTED}, {@code TLS_ESTABLISHED}, {@link #AUTHORIZATION},
 * {@code LATCHED} (to the latch service's observer, when latches are configured),
 * {@code AUTHENTICATED} (POP3's TRANSACTION state), {@link #UPDATE} and {@code DISCONNECTED}, in
 * that order; a session that fails before TLS reports {@code CONNECTED} then {@code DISCONNECTED}.
 *
 * @since 0.1
 */
public final class Pop3States {

    /**
     * Greeting and capabilities read on the protected connection: the AUTHORIZATION state, where
     * credentials may be sent once the latches passed.
     */
    public static final SessionObserver.State AUTHORIZATION = () -> "AUTHORIZATION";

    /** The server accepted {@code QUIT}: the UPDATE state, where marked messages are removed. */
    public static final SessionObserver.State UPDATE = () -> "UPDATE";

    private Pop3States() {
    }
}
