package io.deepmail.submission;

import io.deepmail.core.Account;
import io.deepmail.core.ConnectionException;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.metrics.PoolGauges;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolBuilder;
import reactor.pool.PooledRef;

/**
 * Authenticated submission sessions kept open and reused, one reactor-pool per account and
 * destination. Get one with {@link SubmissionClient#pool(PoolOptions)}; share it; dispose it when
 * done, which sends QUIT on every open connection.
 *
 * <p>Each new connection goes through {@link SubmissionClient#connect}, so TLS, identity and latch
 * checks run again and the account's credentials provider is asked again (a refreshed token is
 * used). A connection idle for longer than {@link PoolOptions#validateAfterIdle()} is checked with
 * NOOP before use, and one idle longer than the idle limit, older than the lifetime or that carried
 * the message limit is closed instead of reused. A send that fails with 421 or because the
 * connection dropped closes that connection and is retried once on a fresh one, if the content can
 * be sent again (see {@link PoolOptions#resubscribableContent()}); otherwise its error is returned.
 * Each account pool's sizes are registered with the transport's metrics recorder while it lives.
 *
 * @since 0.1
 */
public final class SubmissionPool implements Disposable {

    private final SubmissionClient client;
    private final PoolOptions options;
    private final MailClientMetricsRecorder metrics;
    private final Map<Key, InstrumentedPool<Pooled>> pools = new ConcurrentHashMap<>();
    private final Map<Key, Disposable> gauges = new ConcurrentHashMap<>();
    private final AtomicBoolean disposed = new AtomicBoolean();

    private record Key(Account account, Targets targets) {
    }

    /** A session and how many messages it carried. */
    private static final class Pooled {
        final SubmissionSession session;
        final AtomicInteger messages = new AtomicInteger();
        volatile boolean broken;

        Pooled(SubmissionSession session) {
            this.session = session;
        }
    }

    SubmissionPool(SubmissionClient client, PoolOptions options, MailClientMetricsRecorder metrics) {
        this.client = client;
        this.options = Objects.requireNonNull(options, "options");
        this.metrics = metrics;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public PoolOptions options() {
        return options;
    }

    /**
     * Sends one message on a pooled connection to {@code targets} for {@code account}, opening one
     * when none is free and the cap allows.
     *
     * @param account the account; connections are shared per account instance and targets
     * @param targets where to connect
     * @param envelope the envelope
     * @param content the message; for a retry after content was sent it must be cold (see
     *     {@link PoolOptions#resubscribableContent()})
     * @return the result
     */
    public Mono<SubmissionResult> send(Account account, Targets targets, Envelope envelope,
            Publisher<ByteBuf> content) {
        return Mono.defer(() -> {
            if (disposed.get()) {
                return Mono.error(new IllegalStateException("the submission pool is disposed"));
            }
            InstrumentedPool<Pooled> pool = pools.computeIfAbsent(new Key(account, targets), this::newPool);
            AtomicBoolean contentSubscribed = new AtomicBoolean();
            Flux<ByteBuf> watched = Flux.defer(() -> {
                contentSubscribed.set(true);
                return Flux.from(content);
            });
            return attempt(pool, envelope, watched).onErrorResume(e -> retryable(e)
                    && (!contentSubscribed.get() || options.resubscribableContent()),
                    e -> attempt(pool, envelope, watched));
        });
    }

    private InstrumentedPool<Pooled> newPool(Key key) {
        InstrumentedPool<Pooled> pool = PoolBuilder.from(client.connect(key.account(), key.targets()).map(Pooled::new))
                .sizeBetween(0, options.maxConnections())
                .maxPendingAcquireUnbounded()
                .evictionPredicate((p, meta) -> p.broken
                        || p.messages.get() >= options.maxMessagesPerConnection()
                        || meta.idleTime() > options.maxIdleTime().toMillis()
                        || meta.lifeTime() > options.maxLifetime().toMillis())
                .destroyHandler(p -> p.session.quit())
                .buildPool();
        gauges.put(key, metrics.registerPool(MailProtocol.SUBMISSION, gauges(pool.metrics())));
        return pool;
    }

    /** The sizes the metrics recorder samples, read from reactor-pool's own counters. */
    private static PoolGauges gauges(InstrumentedPool.PoolMetrics sizes) {
        return new PoolGauges() {
            @Override
            public int acquired() {
                return sizes.acquiredSize();
            }

            @Override
            public int idle() {
                return sizes.idleSize();
            }

            @Override
            public int pendingAcquires() {
                return sizes.pendingAcquireSize();
            }

            @Override
            public int allocated() {
                return sizes.allocatedSize();
            }
        };
    }

    private Mono<SubmissionResult> attempt(InstrumentedPool<Pooled> pool, Envelope envelope,
            Publisher<ByteBuf> content) {
        return borrow(pool, options.maxConnections() + 1).flatMap(ref -> {
            Pooled p = ref.poolable();
            p.messages.incrementAndGet();
            return p.session.send(envelope, content)
                    .flatMap(result -> ref.release().thenReturn(result))
                    .onErrorResume(e -> {
                        if (connectionLost(e)) {
                            p.broken = true;
                            return ref.invalidate().then(Mono.error(e));
                        }
                        return ref.release().then(Mono.error(e));
                    })
                    .doOnCancel(() -> ref.invalidate().subscribe());
        });
    }

    /** Borrows a connection, checking with NOOP one that was idle for long; a dead one is dropped. */
    private Mono<PooledRef<Pooled>> borrow(InstrumentedPool<Pooled> pool, int tries) {
        return pool.acquire().flatMap(ref -> {
            if (ref.metadata().acquireCount() <= 1
                    || ref.metadata().idleTime() <= options.validateAfterIdle().toMillis()) {
                return Mono.just(ref);
            }
            return ref.poolable().session.noop().thenReturn(ref).onErrorResume(e -> {
                ref.poolable().broken = true;
                return ref.invalidate().then(tries > 1 ? borrow(pool, tries - 1) : Mono.error(e));
            });
        });
    }

    /** 421 or a connection that is gone: the session cannot be used again. */
    static boolean connectionLost(Throwable e) {
        return e instanceof SmtpReplyException r && r.code() == 421 || e instanceof ConnectionException
                || e instanceof MailTimeoutException;
    }

    private static boolean retryable(Throwable e) {
        return e instanceof SmtpReplyException r && r.code() == 421 || e instanceof ConnectionException;
    }

    /**
     * Connections open now for {@code account} and {@code targets}.
     *
     * @param account the account
     * @param targets the targets
     * @return the number of live connections, idle or borrowed
     */
    public int connections(Account account, Targets targets) {
        InstrumentedPool<Pooled> pool = pools.get(new Key(account, targets));
        return pool == null ? 0 : pool.metrics().allocatedSize();
    }

    /**
     * Closes every idle connection with QUIT; borrowed ones close when they come back.
     *
     * @return completion once idle connections are closed
     */
    public Mono<Void> disposeLater() {
        return Mono.defer(() -> {
            disposed.set(true);
            List<Mono<Void>> all = new ArrayList<>();
            pools.values().forEach(p -> all.add(p.disposeLater()));
            pools.clear();
            gauges.values().forEach(Disposable::dispose);
            gauges.clear();
            return Mono.when(all);
        });
    }

    @Override
    public void dispose() {
        disposeLater().subscribe();
    }

    @Override
    public boolean isDisposed() {
        return disposed.get();
    }
}
