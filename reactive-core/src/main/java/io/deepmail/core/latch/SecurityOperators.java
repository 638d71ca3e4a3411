package io.deepmail.core.latch;

import io.deepmail.core.Account;
import io.deepmail.core.LatchViolationException;
import io.deepmail.core.TlsRequiredException;
import io.deepmail.core.internal.latch.GateOperator;
import io.deepmail.core.latch.LatchFinding.Severity;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.transport.MailConnection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Security gates as Reactor operators, applied with {@code transform} right after the handshake
 * and identity check and before anything else (REQUIREMENTS L6):
 *
 * <pre>{@code
 * transport.connect(request)
 *          .transform(SecurityOperators.latch(latches, account))   // refused before credentials
 *          .flatMap(connection -> authenticate(connection, account.credentials()));
 * }</pre>
 *
 * A refused value is closed before the error reaches the subscriber, and so is a value whose
 * subscriber cancels while the gate runs.
 *
 * @since 0.1
 */
public final class SecurityOperators {

    private SecurityOperators() {
    }

    /**
     * The latch gate on connections: {@link LatchService#admit} on the connection's security record.
     * A STARTTLS connection must have completed its upgrade.
     *
     * @param latches the latch service
     * @param account the account the connection is for
     * @return the operator
     */
    public static Function<Mono<MailConnection>, Mono<MailConnection>> latch(LatchService latches, Account account) {
        return latch(latches, account, SecurityOperators::securityOf, MailConnection::close);
    }

    /**
     * The latch gate on any value that carries a session's security record.
     *
     * @param latches the latch service
     * @param account the account
     * @param security extracts the security record
     * @param close closes a refused value
     * @param <T> the value type
     * @return the operator
     */
    public static <T> Function<Mono<T>, Mono<T>> latch(LatchService latches, Account account,
            Function<? super T, SessionSecurity> security, Function<? super T, ? extends Publisher<Void>> close) {
        Objects.requireNonNull(latches, "latches");
        Objects.requireNonNull(account, "account");
        return new GateOperator<>(security, (value, s) -> latches.admit(account, s), close);
    }

    /**
     * A gate on the confidentiality level alone, without latches: a connection below
     * {@code minimum} is refused with a {@link LatchViolationException} for
     * {@link LatchProperty#MINIMUM_LEVEL}.
     *
     * @param minimum the level required
     * @return the operator
     */
    public static Function<Mono<MailConnection>, Mono<MailConnection>> requireLevel(ConfidentialityLevel minimum) {
        return requireLevel(minimum, SecurityOperators::securityOf, MailConnection::close);
    }

    /**
     * A gate on the confidentiality level of any value that carries a security record.
     *
     * @param minimum the level required
     * @param security extracts the security record
     * @param close closes a refused value
     * @param <T> the value type
     * @return the operator
     */
    public static <T> Function<Mono<T>, Mono<T>> requireLevel(ConfidentialityLevel minimum,
            Function<? super T, SessionSecurity> security, Function<? super T, ? extends Publisher<Void>> close) {
        Objects.requireNonNull(minimum, "minimum");
        return new GateOperator<>(security, (value, s) -> {
            if (s.level().meets(minimum)) {
                return Mono.empty();
            }
            LatchFinding finding = new LatchFinding(LatchProperty.MINIMUM_LEVEL, TagState.NORMAL,
                    "level " + minimum.value(), "level " + s.level().value() + " (" + s.logLine() + ")", Severity.ABORT);
            return Mono.error(new LatchViolationException("-", s.endpoint(), List.of(finding), true));
        }, close);
    }

    /**
     * The security record of a connection, for the operators above.
     *
     * @param connection the connection
     * @return its record
     * @throws TlsRequiredException while a STARTTLS connection is still in cleartext
     */
    public static SessionSecurity securityOf(MailConnection connection) {
        return connection.security().orElseThrow(() -> new TlsRequiredException(
                "the connection to " + connection.endpoint() + " has no security record yet: upgrade with STARTTLS first"));
    }
}
