package io.deepmail.core;

import java.util.Objects;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * The event loops deepmail's clients run on. Create one per application and share it between
 * clients, as with Reactor Netty's {@link LoopResources}; dispose it on shutdown.
 *
 * @since 0.1
 */
public final class MailResources implements Disposable {

    /** Prefix of the event-loop thread names of resources deepmail creates itself. */
    public static final String DEFAULT_THREAD_PREFIX = "deepmail";

    private final LoopResources loops;
    private final boolean owned;

    private MailResources(LoopResources loops, boolean owned) {
        this.loops = loops;
        this.owned = owned;
    }

    /**
     * New resources with their own daemon event loops, one per available processor.
     *
     * @return the resources; dispose them when done
     */
    public static MailResources create() {
        return new MailResources(LoopResources.create(DEFAULT_THREAD_PREFIX,
                Math.max(1, Runtime.getRuntime().availableProcessors()), true), true);
    }

    /**
     * Resources on event loops the caller owns, for example those of a Reactor Netty HTTP server.
     * Disposing the returned value leaves them running.
     *
     * @param loops the caller's loop resources
     * @return the resources
     */
    public static MailResources of(LoopResources loops) {
        return new MailResources(Objects.requireNonNull(loops, "loops"), false);
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
