package io.deepmail.core.latch;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.SecurityTag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Many writers raising different latches of one account at once: nothing may be lost. */
final class ConcurrentWriters {

    static final int ENDPOINTS = 24;

    private ConcurrentWriters() {
    }

    static Endpoint endpoint(int i) {
        return new Endpoint(MailProtocol.values()[i % 3], "host" + i + ".example.test", 1000 + i,
                i % 2 == 0 ? TransportMode.IMPLICIT : TransportMode.STARTTLS);
    }

    /** One writer per (endpoint, tag): each proposes only its own raise, from a state it read earlier. */
    static void raiseAll(LatchStore store, String key) {
        List<SecurityTag> tags = List.of(SecurityTag.values());
        LatchState stale = store.load(key).block(Duration.ofSeconds(10));
        Flux.fromStream(IntStream.range(0, ENDPOINTS).boxed())
                .flatMap(i -> Flux.fromIterable(tags).map(t -> Map.entry(i, t)))
                .parallel(8).runOn(Schedulers.parallel())
                .flatMap(e -> store.merge(key, stale.with(endpoint(e.getKey()),
                        EndpointLatches.EMPTY.with(e.getValue(), TagLatch.of(e.getKey() % 2 == 0 ? TagState.NORMAL
                                : TagState.PROVISIONAL)))))
                .sequential()
                .blockLast(Duration.ofSeconds(60));
    }

    static void assertNothingLost(LatchStore store, String key) {
        LatchState state = store.load(key).block(Duration.ofSeconds(10));
        assertThat(state.endpoints()).hasSize(ENDPOINTS);
        for (int i = 0; i < ENDPOINTS; i++) {
            for (SecurityTag tag : SecurityTag.values()) {
                assertThat(state.endpoint(endpoint(i)).state(tag)).as(endpoint(i) + " " + tag)
                        .isEqualTo(i % 2 == 0 ? TagState.NORMAL : TagState.PROVISIONAL);
            }
        }
        assertThat(state.accountCertificate()).isEqualTo(TagState.NORMAL);
        assertThat(state.revision()).isEqualTo((long) ENDPOINTS * SecurityTag.values().length);
    }
}
