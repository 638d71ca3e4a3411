package io.deepmail.core.latch;

import io.deepmail.core.Endpoint;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A provisional violation in warn mode (L8, LAT-08): the session has stopped before credentials
 * and waits. {@link #acceptOnce()} lets this one session go on; {@link #reject()}, or no decision
 * within {@link LatchPolicy#acceptTimeout()}, refuses it. Accepting never changes a latch, and
 * the next session is judged afresh. Decided once: later calls have no effect.
 *
 * @since 0.1
 */
public final class PendingViolation implements LatchEvent {

    private final String account;
    private final Endpoint endpoint;
    private final List<LatchFinding> findings;
    private final Sinks.One<Boolean> decision = Sinks.one();

    /**
     * Creates a pending violation.
     *
     * @param account the account's latch key
     * @param endpoint the endpoint
     * @param findings the provisional findings
     */
    public PendingViolation(String account, Endpoint endpoint, List<LatchFinding> findings) {
        this.account = Objects.requireNonNull(account, "account");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.findings = List.copyOf(findings);
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public Kind kind() {
        return Kind.PENDING;
    }

    /**
     * The endpoint of the waiting session.
     *
     * @return the endpoint
     */
    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * The provisional latches the session missed.
     *
     * @return the findings
     */
    public List<LatchFinding> findings() {
        return findings;
    }

    /**
     * Lets this one session continue, explicitly.
     *
     * @return {@code true} when this call decided; {@code false} when already decided or timed out
     */
    public boolean acceptOnce() {
        return decision.tryEmitValue(Boolean.TRUE).isSuccess();
    }

    /**
     * Refuses the session now.
     *
     * @return {@code true} when this call decided
     */
    public boolean reject() {
        return decision.tryEmitValue(Boolean.FALSE).isSuccess();
    }

    /**
     * The decision: {@code true} once accepted, {@code false} once rejected.
     *
     * @return a {@code Mono} of the decision
     */
    public Mono<Boolean> decision() {
        return decision.asMono();
    }

    @Override
    public String toString() {
        return "PendingViolation[" + account + ", " + endpoint + ", " + findings + "]";
    }
}
