package io.deepmail.cli;

import io.deepmail.core.Endpoint;
import io.deepmail.core.SessionObserver;
import io.deepmail.core.latch.LatchEvent;
import io.deepmail.core.security.SessionSecurityEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every session-security event and latch event the client emits, so a command can show
 * them after the fact. Thread-safe; events arrive on event-loop threads.
 */
public final class SessionLog implements SessionObserver {

    private final List<SessionSecurityEvent> security = new CopyOnWriteArrayList<>();
    private final List<LatchEvent> latches = new CopyOnWriteArrayList<>();

    @Override
    public void onStateChange(Endpoint endpoint, State state) {
        // only the security and latch events are of interest
    }

    @Override
    public void onSecurityEvent(SessionSecurityEvent event) {
        security.add(event);
    }

    @Override
    public void onLatchEvent(LatchEvent event) {
        latches.add(event);
    }

    /**
     * Every session-security event so far.
     *
     * @return a snapshot, in arrival order
     */
    public List<SessionSecurityEvent> securityEvents() {
        return List.copyOf(security);
    }

    /**
     * Every latch event so far.
     *
     * @return a snapshot, in arrival order
     */
    public List<LatchEvent> latchEvents() {
        return List.copyOf(latches);
    }

    /**
     * The latest session-security event of an endpoint.
     *
     * @param endpoint the endpoint
     * @return the event, if a session reached it
     */
    public Optional<SessionSecurityEvent> last(Endpoint endpoint) {
        for (int i = security.size() - 1; i >= 0; i--) {
            SessionSecurityEvent e = security.get(i);
            if (e.security().endpoint().equals(endpoint)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
