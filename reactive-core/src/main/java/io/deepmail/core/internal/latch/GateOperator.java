package io.deepmail.core.internal.latch;

import io.deepmail.core.TlsRequiredException;
import io.deepmail.core.security.SessionSecurity;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A security gate as an operator for {@code transform}: for each value, extract its session
 * security, run the check, and pass the value on only when the check completes. When the check
 * fails, or the subscriber cancels while it runs, the value is closed (for a connection:
 * close_notify, then the TCP close) before the error goes downstream.
 *
 * @param <T> the value type, usually a connection
 */
public final class GateOperator<T> implements Function<Mono<T>, Mono<T>> {

    private final Function<? super T, SessionSecurity> security;
    private final BiFunction<? super T, SessionSecurity, ? extends Mono<?>> check;
    private final Function<? super T, ? extends Publisher<Void>> close;

    /**
     * Creates the operator.
     *
     * @param security extracts the session security; may throw when there is none yet
     * @param check the check; completes or emits to let the value pass, errors to refuse it
     * @param close closes a refused value
     */
    public GateOperator(Function<? super T, SessionSecurity> security,
            BiFunction<? super T, SessionSecurity, ? extends Mono<?>> check,
            Function<? super T, ? extends Publisher<Void>> close) {
        this.security = Objects.requireNonNull(security, "security");
        this.check = Objects.requireNonNull(check, "check");
        this.close = Objects.requireNonNull(close, "close");
    }

    @Override
    public Mono<T> apply(Mono<T> source) {
        return source.flatMap(value -> {
            SessionSecurity s;
            try {
                s = Objects.requireNonNull(security.apply(value), "security");
            } catch (RuntimeException e) {
                return closeQuietly(value).then(Mono.error(e instanceof TlsRequiredException ? e
                        : new TlsRequiredException("no security record to check: the gate runs after TLS", e)));
            }
            return check.apply(value, s).then(Mono.just(value))
                    .onErrorResume(e -> closeQuietly(value).then(Mono.error(e)))
                    .doOnCancel(() -> closeQuietly(value).subscribe());
        });
    }

    private Mono<Void> closeQuietly(T value) {
        return Mono.defer(() -> Mono.from(close.apply(value))).onErrorResume(e -> Mono.empty());
    }
}
