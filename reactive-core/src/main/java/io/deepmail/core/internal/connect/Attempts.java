package io.deepmail.core.internal.connect;

import io.deepmail.core.ConnectionException;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.Candidate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Expands planned candidates into race attempts, one per address, families interleaved. */
public final class Attempts {

    private Attempts() {
    }

    /**
     * Resolves every candidate's host (concurrently) and builds the attempts in plan order. A
     * candidate whose host does not resolve becomes one attempt that fails with the reason, so
     * that it is reported with the others.
     *
     * @param plan the planned candidates
     * @param resolver the address resolver
     * @param open opens one candidate at one address
     * @param <T> the session type
     * @return the attempts
     */
    public static <T> Mono<List<Attempt<T>>> expand(List<Candidate> plan, AddressResolver resolver,
            BiFunction<Candidate, InetSocketAddress, Mono<T>> open) {
        return Flux.fromIterable(plan)
                .flatMapSequential(candidate -> resolver.resolve(candidate.endpoint().host())
                        .map(Planner::interleave)
                        .map(addresses -> attempts(candidate, addresses, open))
                        .onErrorResume(e -> Mono.just(List.of(unresolved(candidate, e)))))
                .collectList()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private static <T> List<Attempt<T>> attempts(Candidate candidate, List<InetAddress> addresses,
            BiFunction<Candidate, InetSocketAddress, Mono<T>> open) {
        List<Attempt<T>> out = new ArrayList<>();
        for (InetAddress address : addresses) {
            InetSocketAddress socket = new InetSocketAddress(address, candidate.endpoint().port());
            out.add(new Attempt<>(candidate.endpoint(), address.getHostAddress(),
                    Mono.defer(() -> open.apply(candidate, socket))));
        }
        if (out.isEmpty()) {
            out.add(unresolved(candidate, new IllegalStateException("no address")));
        }
        return out;
    }

    private static <T> Attempt<T> unresolved(Candidate candidate, Throwable e) {
        return new Attempt<>(candidate.endpoint(), "(unresolved)", Mono.error(new ConnectionException(
                "cannot resolve " + candidate.endpoint().host() + ": " + e.getMessage(), e)));
    }
}
