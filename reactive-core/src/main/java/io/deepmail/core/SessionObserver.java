package io.deepmail.core;

import io.deepmail.core.latch.LatchEvent;
import io.deepmail.core.security.SessionSecurityEvent;
import java.util.Objects;

/**
 * Observes the life of each session: state changes and the one security event per connection.
 * Observers compose with {@link #then(SessionObserver)}; they never replace each other.
 * Called on the connection's event loop: implementations must not block.
 *
 * @since 0.1
 */
public interface SessionObserver {

    /** An observer that ignores everything. */
    SessionObserver NOOP = (endpoint, state) -> { };

    /**
     * A session on {@code endpoint} reached {@code state}.
     *
     * @param endpoint the endpoint
     * @param state the new state
     */
    void onStateChange(Endpoint endpoint, State state);

    /**
     * The session-security event of a newly established connection (TLS-21).
     *
     * @param event the event
     */
    default void onSecurityEvent(SessionSecurityEvent event) {
    }

    /**
     * A latch event: a latch raised or confirmed, a session refused, warned or waiting for
     * {@code acceptOnce()}, an upgrade available, an advertisement ignored, a reset, a store failure.
     *
     * @param event the event
     */
    default void onLatchEvent(LatchEvent event) {
    }

    /**
     * An observer that calls this one, then {@code next}.
     *
     * @param next the observer to call second
     * @return the composed observer
     */
    default SessionObserver then(SessionObserver next) {
        Objects.requireNonNull(next, "next");
        SessionObserver first = this;
        return new SessionObserver() {
            @Override
            public void onStateChange(Endpoint endpoint, State state) {
                first.onStateChange(endpoint, state);
                next.onStateChange(endpoint, state);
            }

            @Override
            public void onSecurityEvent(SessionSecurityEvent event) {
                first.onSecurityEvent(event);
                next.onSecurityEvent(event);
            }

            @Override
            public void onLatchEvent(LatchEvent event) {
                first.onLatchEvent(event);
                next.onLatchEvent(event);
            }
        };
    }

    /**
     * A session state. Open: protocol modules add their own constants (for example
     * {@code SELECTED}) next to these.
     *
     * @since 0.1
     */
    interface State {

        /** TCP connected; no protocol byte exchanged yet. */
        State CONNECTED = () -> "CONNECTED";

        /** TLS handshake done, identity verified, security record computed. */
        State TLS_ESTABLISHED = () -> "TLS_ESTABLISHED";

        /** Latch and level checks passed; credentials may now be sent. */
        State LATCHED = () -> "LATCHED";

        /** The server accepted the credentials. */
        State AUTHENTICATED = () -> "AUTHENTICATED";

        /** The connection is closed. */
        State DISCONNECTED = () -> "DISCONNECTED";

        /**
         * The state's name, for logs and metrics.
         *
         * @return an upper-case name
         */
        String name();
    }
}
