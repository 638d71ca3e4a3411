package io.deepmail.core.internal.transport;

import io.deepmail.core.MailResources;
import io.deepmail.core.MailTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolAcquireTimeoutException;
import reactor.pool.PoolBuilder;
import reactor.pool.PooledRef;

/**
 * Bounds the TLS handshakes in flight on one {@link MailResources}: a handshake is CPU work on an
 * event loop, and a reconnect storm of thousands of them would delay every established session
 * sharing those loops. A connection takes a slot before its TCP connect (Implicit TLS) or before
 * it sends STARTTLS, and gives it back once its handshake and checks have passed or failed, or it
 * is cancelled. Waiters are served first come, first served; one that waits longer than its
 * connect timeout fails with {@link MailTimeoutException}. The slots are tokens in a
 * {@code reactor-pool}, which already handles cancelled and timed-out acquisitions.
 */
public final class HandshakeGate {

    private static final HandshakeGate UNBOUNDED = new HandshakeGate(0, null);
    private static volatile @Nullable Function<MailResources, HandshakeGate> access;

    private final int limit;
    private final @Nullable InstrumentedPool<Object> slots;

    private HandshakeGate(int limit, @Nullable InstrumentedPool<Object> slots) {
        this.limit = limit;
        this.slots = slots;
    }

    /**
     * A gate with {@code limit} slots; {@code 0} means no bound.
     *
     * @param limit the most handshakes in flight, or 0
     * @return the gate
     */
    public static HandshakeGate create(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("the handshake limit must be 0 (none) or positive: " + limit);
        }
        if (limit == 0) {
            return UNBOUNDED;
        }
        return new HandshakeGate(limit, PoolBuilder.from(Mono.fromSupplier(Object::new))
                .sizeBetween(0, limit)
                .maxPendingAcquireUnbounded()
                .buildPool());
    }

    /**
     * Lets {@link MailResources}, in the public package, hand its gate to the transport without
     * a public accessor. Called once, from its static initialiser.
     *
     * @param accessor returns the gate of given resources
     */
    public static void grantAccess(Function<MailResources, HandshakeGate> accessor) {
        if (access != null) {
            throw new IllegalStateException("access is granted once");
        }
        access = accessor;
    }

    /**
     * The gate of {@code resources}.
     *
     * @param resources the resources
     * @return their gate
     */
    static HandshakeGate of(MailResources resources) {
        Function<MailResources, HandshakeGate> a = access;
        // Holding an instance means MailResources is initialised, and with it the accessor.
        return Objects.requireNonNull(a, "MailResources not initialised").apply(resources);
    }

    /**
     * The most handshakes in flight, or 0 for no bound.
     *
     * @return the limit
     */
    public int limit() {
        return limit;
    }

    /**
     * Runs {@code handshake} while holding a slot, waiting at most {@code maxWait} for one.
     *
     * @param handshake the work that ends once the session is secured (or has failed)
     * @param maxWait the longest wait for a slot
     * @param <T> the result type
     * @return the result of {@code handshake}, or a {@link MailTimeoutException} if no slot came
     */
    <T> Mono<T> around(Mono<T> handshake, Duration maxWait) {
        InstrumentedPool<Object> pool = slots;
        if (pool == null) {
            return handshake;
        }
        Mono<PooledRef<Object>> slot = pool.acquire(maxWait)
                .onErrorMap(PoolAcquireTimeoutException.class, e -> new MailTimeoutException(
                        "waiting for one of the " + limit + " TLS handshake slots", maxWait));
        return Mono.usingWhen(slot, ref -> handshake, PooledRef::release, (ref, e) -> ref.release(),
                PooledRef::release);
    }

    /**
     * Slots in use, for tests and metrics.
     *
     * @return the number of handshakes holding a slot
     */
    int inUse() {
        InstrumentedPool<Object> pool = slots;
        return pool == null ? 0 : pool.metrics().acquiredSize();
    }

    /**
     * Waiters, for tests and metrics.
     *
     * @return the number of connections waiting for a slot
     */
    int pending() {
        InstrumentedPool<Object> pool = slots;
        return pool == null ? 0 : pool.metrics().pendingAcquireSize();
    }
}
