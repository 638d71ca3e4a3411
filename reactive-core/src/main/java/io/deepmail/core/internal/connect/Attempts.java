package io.deepmail.core.internal.connect;

import io.deepmail.core.ConnectionException;
import io.deepmail.core.MailClientException;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.TlsaRecord;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.Candidate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
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
    public static <T> Mono<List<Attempt<T>>> expand(List<Candidate> plan,
            Function<Candidate, Mono<Resolved>> resolver, Opener<T> open) {
        return Flux.fromIterable(plan)
                .flatMapSequential(candidate -> resolver.apply(candidate)
                        .map(resolved -> attempts(candidate, resolved, open))
                        .onErrorResume(e -> Mono.just(List.of(unresolved(candidate, e)))))
                .collectList()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    /**
     * Opens one candidate at one address.
     *
     * @param <T> the session type
     */
    @FunctionalInterface
    public interface Opener<T> {

        /**
         * Opens the candidate.
         *
         * @param candidate the candidate
         * @param address the address
         * @param tlsa its TLSA answer, or {@code null}
         * @return the session
         */
        Mono<T> open(Candidate candidate, InetSocketAddress address, @Nullable DnsAnswer<TlsaRecord> tlsa);
    }

    /**
     * The resolver for plain address resolution, without DNSSEC and so without TLSA.
     *
     * @param resolver the address resolver
     * @return a candidate resolver
     */
    public static Function<Candidate, Mono<Resolved>> addressesOnly(AddressResolver resolver) {
        return candidate -> resolver.resolve(candidate.endpoint().host()).map(a -> new Resolved(a, null));
    }

    private static <T> List<Attempt<T>> attempts(Candidate candidate, Resolved resolved, Opener<T> open) {
        List<Attempt<T>> out = new ArrayList<>();
        for (InetAddress address : Planner.interleave(resolved.addresses())) {
            InetSocketAddress socket = new InetSocketAddress(address, candidate.endpoint().port());
            out.add(new Attempt<>(candidate.endpoint(), address.getHostAddress(),
                    Mono.defer(() -> open.open(candidate, socket, resolved.tlsa()))));
        }
        if (out.isEmpty()) {
            out.add(unresolved(candidate, new IllegalStateException("no address")));
        }
        return out;
    }

    private static <T> Attempt<T> unresolved(Candidate candidate, Throwable e) {
        MailClientException reason = e instanceof MailClientException m ? m : new ConnectionException(
                "cannot resolve " + candidate.endpoint().host() + ": " + e.getMessage(), e);
        return new Attempt<>(candidate.endpoint(), "(unresolved)", Mono.error(reason));
    }
}
