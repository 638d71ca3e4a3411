package io.deepmail.core.internal.latch;

import io.deepmail.core.LatchStoreException;
import io.deepmail.core.latch.LatchState;
import io.deepmail.core.latch.LatchStore;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Latches in Redis, one hash per account under {@code deepmail:latch:{key}}: the hash tag keeps an
 * account on one Redis Cluster slot. Every write is {@link MergeScript}, an atomic monotone join on
 * the server. Reads and writes also join in what this node has seen of the account, so a Redis that
 * lost data (a restart without persistence, a failover to a lagging replica) is healed by the next
 * write and can never make this node see a latch lower than it already saw. Any Redis failure is a
 * {@link LatchStoreException}; reconnection is the client's (Lettuce's) business.
 */
public final class RedisLatchStore implements LatchStore {

    private final Mono<RedisClusterReactiveCommands<String, String>> commands;
    private final Disposable resources;
    private final ConcurrentMap<String, LatchState> seen = new ConcurrentHashMap<>();
    private volatile boolean disposed;

    /**
     * A store on the given commands.
     *
     * @param commands the commands, connecting on subscription where needed
     * @param resources what {@link #dispose()} releases
     */
    public RedisLatchStore(Mono<RedisClusterReactiveCommands<String, String>> commands, Disposable resources) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.resources = Objects.requireNonNull(resources, "resources");
    }

    /**
     * The Redis key of an account: braces and {@code %} in the latch key are escaped so the hash tag
     * is always the whole key.
     *
     * @param key the latch key
     * @return the Redis key
     */
    public static String redisKey(String key) {
        return "deepmail:latch:{" + key.replace("%", "%25").replace("{", "%7B").replace("}", "%7D") + "}";
    }

    @Override
    public Mono<LatchState> load(String key) {
        Objects.requireNonNull(key, "key");
        return run(key, "merge", 0, LatchState.EMPTY.withRevision(0), true).map(Result::state);
    }

    @Override
    public Mono<LatchState> merge(String key, LatchState proposal) {
        return run(key, "merge", 0, proposal, false).map(Result::state);
    }

    @Override
    public Mono<Boolean> compareAndSet(String key, long expectedRevision, LatchState proposal) {
        return run(key, "cas", expectedRevision, proposal, false).map(Result::written);
    }

    private record Result(boolean written, LatchState state) {
    }

    private Mono<Result> run(String key, String mode, long expected, LatchState proposal, boolean readOnly) {
        Objects.requireNonNull(proposal, "proposal");
        if (disposed) {
            return Mono.error(new LatchStoreException("Redis latch store is disposed", null));
        }
        LatchState known = seen.getOrDefault(key, LatchState.EMPTY);
        // A read is a merge of nothing but what this node has seen: it heals a Redis that lost data.
        LatchState out = readOnly ? known : proposal.join(known);
        Map<String, String> fields = LatchCodec.encode(out);
        List<String> args = new ArrayList<>();
        args.add(mode);
        args.add(Long.toString(expected));
        args.add(fields.remove("gen"));
        fields.remove("rev");
        fields.forEach((f, v) -> {
            args.add(f);
            args.add(v);
        });
        String[] keys = {redisKey(key)};
        return commands.flatMap(c -> c.<Object>eval(MergeScript.LUA, ScriptOutputType.MULTI, keys,
                        args.toArray(String[]::new)).collectList())
                .map(RedisLatchStore::result)
                .doOnNext(r -> seen.merge(key, r.state(), LatchState::join))
                .map(r -> new Result(r.written(), seen.get(key).withRevision(r.state().revision())))
                .onErrorMap(e -> !(e instanceof LatchStoreException),
                        e -> new LatchStoreException("Redis latch store failed: " + e.getMessage(), e));
    }

    private static Result result(List<Object> reply) {
        List<Object> flat = reply.size() == 1 && reply.get(0) instanceof List<?> l ? new ArrayList<>(l) : reply;
        if (flat.size() != 2 || !(flat.get(1) instanceof List<?> hash)) {
            throw new LatchStoreException("unexpected reply from the latch script: " + reply, null);
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < hash.size(); i += 2) {
            fields.put(String.valueOf(hash.get(i)), String.valueOf(hash.get(i + 1)));
        }
        return new Result(((Number) flat.get(0)).longValue() == 1, LatchCodec.decode(fields));
    }

    @Override
    public void dispose() {
        disposed = true;
        resources.dispose();
    }

    @Override
    public boolean isDisposed() {
        return disposed;
    }
}
