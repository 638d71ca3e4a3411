package io.deepmail.core.internal.dns;

import io.deepmail.core.dns.DnsAnswer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A bounded cache of usable answers, kept for their TTL capped at a maximum, least recently used
 * dropped first. FAILED answers and answers with a zero TTL are never cached. A hit comes back with
 * the TTL that is left. Thread-safe; every operation is short and never waits on I/O.
 */
final class AnswerCache {

    private record Key(String type, String name) {
    }

    private record Entry(DnsAnswer<?> answer, long expiresAt) {
    }

    private final LongSupplier nanoClock;
    private final long maxTtlNanos;
    private final Map<Key, Entry> entries;

    /**
     * Creates a cache.
     *
     * @param size the most answers kept
     * @param maxTtl the longest an answer is kept
     * @param nanoClock a monotonic clock in nanoseconds, such as {@code System::nanoTime}
     */
    AnswerCache(int size, Duration maxTtl, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.maxTtlNanos = maxTtl.toNanos();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > size;
            }
        };
    }

    /**
     * The cached answer, if it has not expired.
     *
     * @param type the record type's name
     * @param name the normalised name
     * @param <T> the record type
     * @return the answer with its remaining TTL, or {@code null}
     */
    @SuppressWarnings("unchecked")
    <T> @Nullable DnsAnswer<T> get(String type, String name) {
        Key key = new Key(type, name);
        long now = nanoClock.getAsLong();
        Entry e;
        synchronized (entries) {
            e = entries.get(key);
            if (e != null && e.expiresAt - now <= 0) {
                entries.remove(key);
                e = null;
            }
        }
        if (e == null) {
            return null;
        }
        DnsAnswer<T> a = (DnsAnswer<T>) e.answer;
        Duration left = Duration.ofNanos(e.expiresAt - now).withNanos(0);
        return new DnsAnswer<>(a.name(), a.records(), a.outcome(), a.status(), left, a.canonicalName());
    }

    /**
     * Caches a usable answer for its TTL, capped.
     *
     * @param type the record type's name
     * @param answer the answer
     */
    void put(String type, DnsAnswer<?> answer) {
        long ttl = Math.min(answer.ttl().toNanos(), maxTtlNanos);
        if (!answer.usable() || ttl <= 0) {
            return;
        }
        Entry e = new Entry(answer, nanoClock.getAsLong() + ttl);
        synchronized (entries) {
            entries.put(new Key(type, answer.name()), e);
        }
    }
}
