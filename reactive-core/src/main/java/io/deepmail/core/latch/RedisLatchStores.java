package io.deepmail.core.latch;

import io.deepmail.core.internal.latch.RedisLatchStore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * Latch stores in Redis, for fleets of nodes that share accounts. Needs Lettuce
 * ({@code io.lettuce:lettuce-core}) on the class path; deepmail does not bring it.
 *
 * <p>Each account is one hash under {@code deepmail:latch:{key}}, so it lives on one Redis Cluster
 * slot. Writes are an atomic, monotone join on the server (a Lua script): concurrent nodes never
 * lose each other's raises. While Redis is unreachable every call fails at once with a
 * {@link io.deepmail.core.LatchStoreException}, and connecting fails closed; the client reconnects
 * by itself. What a node has seen is joined into every later read and write, so Redis losing data
 * never lowers a latch for that node, and its next write restores it.
 *
 * @since 0.1
 */
// Lettuce is optional: the module reads it statically, so its types in these signatures are not re-exported.
@SuppressWarnings("exports")
public final class RedisLatchStores {

    /** Default time a Redis command may take before it fails: 2 seconds. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private RedisLatchStores() {
    }

    /**
     * A store with its own Lettuce client for one Redis server, and {@link #DEFAULT_COMMAND_TIMEOUT}.
     *
     * @param uri the server
     * @return the store; disposing it shuts the client down
     */
    public static LatchStore create(RedisURI uri) {
        return create(uri, DEFAULT_COMMAND_TIMEOUT);
    }

    /**
     * A store with its own Lettuce client for one Redis server. Commands are rejected at once while
     * disconnected, time out after {@code commandTimeout}, and the connection comes back with a
     * reconnect delay growing from 50 ms to 2 s.
     *
     * @param uri the server
     * @param commandTimeout how long a command may take
     * @return the store; disposing it shuts the client down
     */
    public static LatchStore create(RedisURI uri, Duration commandTimeout) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        ClientResources resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        AtomicReference<Mono<StatefulRedisConnection<String, String>>> connection = new AtomicReference<>();
        Mono<RedisClusterReactiveCommands<String, String>> commands = Mono.defer(() -> {
            Mono<StatefulRedisConnection<String, String>> current = connection.get();
            if (current == null) {
                Mono<StatefulRedisConnection<String, String>> attempt = Mono
                        .fromCompletionStage(() -> client.connectAsync(StringCodec.UTF8, uri)).cache();
                current = connection.compareAndSet(null, attempt) ? attempt : connection.get();
            }
            Mono<StatefulRedisConnection<String, String>> used = current;
            // A failed first connect is forgotten, so the next call tries again.
            return used.doOnError(e -> connection.compareAndSet(used, null));
        }).map(StatefulRedisConnection::reactive);
        return new RedisLatchStore(commands, () -> {
            Mono<StatefulRedisConnection<String, String>> c = connection.getAndSet(Mono.empty());
            // Closing runs on a worker and is bounded: a Lettuce close that never finishes (seen once,
            // spinning in its endpoint lock) must not hang the caller of dispose().
            Mono.justOrEmpty(c).flatMap(m -> m.onErrorResume(e -> Mono.empty()))
                    .flatMap(conn -> Mono.fromCompletionStage(conn.closeAsync()))
                    .then(Mono.fromCompletionStage(client::shutdownAsync))
                    .then(Mono.fromRunnable(() -> resources.shutdown(0, 2, TimeUnit.SECONDS)))
                    .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                    .timeout(java.time.Duration.ofSeconds(10))
                    .subscribe(v -> { }, e -> { });
        });
    }

    /**
     * A store on commands the application manages: a standalone or a Redis Cluster connection.
     * Disposing the store leaves them open. Configure the client to reject commands while
     * disconnected and to time them out, or store calls wait as long as Lettuce does.
     *
     * @param commands the reactive commands
     * @return the store
     */
    public static LatchStore of(RedisClusterReactiveCommands<String, String> commands) {
        Objects.requireNonNull(commands, "commands");
        return new RedisLatchStore(Mono.just(commands), () -> { });
    }
}
