package io.deepmail.core;

import io.deepmail.core.internal.transport.HandshakeGate;
import java.util.Objects;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * The event loops deepmail's clients run on. Create one per application and share it between
 * clients, as with Reactor Netty's {@link LoopResources}; dispose it on shutdown.
 *
 * <p>The resources also bound the TLS handshakes in flight on their loops
 * ({@link #maxHandshakesInFlight(int)}): a handshake is CPU work on an event loop, and a reconnect
 * storm of thousands at once would delay every established session on the same loops. Connections
 * beyond the bound wait their turn, first come, first served, for at most their connect timeout.
 *
 * @since 0.1
 */
public final class MailResources implements Disposable {

    /** Prefix of the event-loop thread names of resources deepmail creates itself. */
    public static final String DEFAULT_THREAD_PREFIX = "deepmail";

    static {
        HandshakeGate.grantAccess(resources -> resources.handshakes);
    }

    private final LoopResources loops;
    private final boolean owned;
    private final HandshakeGate handshakes;

    private MailResources(LoopResources loops, boolean owned, HandshakeGate handshakes) {
        this.loops = loops;
        this.owned = owned;
        this.handshakes = handshakes;
    }

    /**
     * The default bound on TLS handshakes in flight: two per processor, at least four. In the
     * reconnect-storm benchmark (B5: 2,000 new sessions at once beside 5,000 established ones on two
     * processors) this kept the established sessions' NOOP p99 under 20 ms, against about 460 ms
     * unbounded, and the storm took 2.1 s instead of 1.1 s.
     *
     * @return the default of {@link #maxHandshakesInFlight()}
     */
    public static int defaultMaxHandshakesInFlight() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    /**
     * New resources with their own daemon event loops, one per available processor.
     *
     * @return the resources; dispose them when done
     */
    public static MailResources create() {
        return new MailResources(LoopResources.create(DEFAULT_THREAD_PREFIX,
                Math.max(1, Runtime.getRuntime().availableProcessors()), true), true,
                HandshakeGate.create(defaultMaxHandshakesInFlight()));
    }

    /**
     * Resources on event loops the caller owns, for example those of a Reactor Netty HTTP server.
     * Disposing the returned value leaves them running.
     *
     * @param loops the caller's loop resources
     * @return the resources
     */
    public static MailResources of(LoopResources loops) {
        return new MailResources(Objects.requireNonNull(loops, "loops"), false,
                HandshakeGate.create(defaultMaxHandshakesInFlight()));
    }

    /**
     * A copy on the same event loops that lets at most {@code limit} TLS handshakes be in flight at
     * once through it, {@code 0} for no bound. A connection holds its slot from before its TCP
     * connect (Implicit TLS) or before it sends STARTTLS until its handshake and checks have passed
     * or failed. The bound is per returned instance: share one instance between the clients whose
     * handshakes it should pace. The copy shares the loops and whether disposing disposes them.
     *
     * @param limit the bound, or 0 for none
     * @return the copy
     */
    public MailResources maxHandshakesInFlight(int limit) {
        return new MailResources(loops, owned, HandshakeGate.create(limit));
    }

    /**
     * The bound on TLS handshakes in flight, {@code 0} if there is none.
     *
     * @return the bound
     */
    public int maxHandshakesInFlight() {
        return handshakes.limit();
    }

    /**
     * The event loops.
     *
     * @return the loop resources
     */
    public LoopResources loops() {
        return loops;
    }

    /**
     * Shuts down the event loops if these resources created them.
     *
     * @return completes when they have stopped
     */
    public Mono<Void> disposeLater() {
        return owned ? loops.disposeLater() : Mono.empty();
    }

    @Override
    public void dispose() {
        if (owned) {
            loops.dispose();
        }
    }

    @Override
    public boolean isDisposed() {
        return owned && loops.isDisposed();
    }
}
