package io.deepmail.core.internal.latch;

import io.deepmail.core.Account;
import io.deepmail.core.LatchStoreException;
import io.deepmail.core.LatchViolationException;
import io.deepmail.core.SessionObserver;
import io.deepmail.core.latch.LatchEvaluation;
import io.deepmail.core.latch.LatchEvent;
import io.deepmail.core.latch.LatchFinding;
import io.deepmail.core.latch.LatchPolicy;
import io.deepmail.core.latch.LatchState;
import io.deepmail.core.latch.LatchStore;
import io.deepmail.core.latch.PendingViolation;
import io.deepmail.core.security.SessionSecurity;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The check of one session, in order: load the account's latches (failing closed), evaluate, act
 * on the verdict, and record a compliant session. Completes only when the session may go on, and
 * only after its raises are acknowledged by the store.
 *
 * @param store the store
 * @param policy the policy
 * @param events where events go
 */
public record LatchGate(LatchStore store, LatchPolicy policy, LatchEvents events) {

    /**
     * Admits or refuses a session.
     *
     * @param account the account
     * @param session the session, after the handshake and identity check
     * @return the evaluation once the session may go on; a {@link LatchViolationException} or a
     *         {@link LatchStoreException} when it must not
     */
    public Mono<LatchEvaluation> admit(Account account, SessionSecurity session) {
        String key = account.latchKey();
        return store.load(key)
                .onErrorResume(e -> failClosed(account, session, e))
                .flatMap(state -> decide(account, state, session));
    }

    private Mono<LatchState> failClosed(Account account, SessionSecurity session, Throwable e) {
        events.publish(new LatchEvent.StoreUnavailable(account.latchKey(), session.endpoint(), String.valueOf(e.getMessage())));
        // L15: treated as latched at the floor (the minimum level), and refused either way.
        LatchEvaluation floor = LatchEvaluator.evaluate(account, LatchState.EMPTY, session, policy);
        List<LatchFinding> aborts = floor.findings(LatchFinding.Severity.ABORT);
        if (!aborts.isEmpty()) {
            return Mono.error(violation(account, session, aborts, true));
        }
        return Mono.error(e instanceof LatchStoreException l ? l
                : new LatchStoreException("latch store failed: " + e.getMessage(), e));
    }

    private Mono<LatchEvaluation> decide(Account account, LatchState state, SessionSecurity session) {
        LatchEvaluation evaluation = LatchEvaluator.evaluate(account, state, session, policy);
        switch (evaluation.verdict()) {
            case ABORT:
                return Mono.error(violation(account, session, evaluation.findings(),
                        LatchEvaluator.blocksWeakerCandidates(evaluation.findings())));
            case PENDING:
                return pending(account, session, evaluation);
            case WARN:
                events.publish(new LatchEvent.Warned(account.latchKey(), session.endpoint(), evaluation.findings()));
                return passed(account, session, evaluation);
            default:
                return record(account, state, session).then(passed(account, session, evaluation));
        }
    }

    private Mono<LatchEvaluation> pending(Account account, SessionSecurity session, LatchEvaluation evaluation) {
        PendingViolation pending = new PendingViolation(account.latchKey(), session.endpoint(), evaluation.findings());
        return Mono.defer(() -> {
            events.publish(pending);
            return pending.decision();
        }).timeout(policy.acceptTimeout(), Mono.fromSupplier(() -> {
            pending.reject();
            return false;
        })).doOnCancel(pending::reject).flatMap(accepted -> {
            if (!accepted) {
                return Mono.error(violation(account, session, evaluation.findings(), false));
            }
            events.publish(new LatchEvent.Warned(account.latchKey(), session.endpoint(), evaluation.findings()));
            return passed(account, session, evaluation);
        });
    }

    private Mono<LatchEvaluation> passed(Account account, SessionSecurity session, LatchEvaluation evaluation) {
        return Mono.fromSupplier(() -> {
            if (evaluation.upgradeAvailable()) {
                events.publish(new LatchEvent.UpgradeAvailable(account.latchKey(), session.endpoint()));
            }
            events.observer().onStateChange(session.endpoint(), SessionObserver.State.LATCHED);
            return evaluation;
        });
    }

    private Mono<Void> record(Account account, LatchState state, SessionSecurity session) {
        LatchState proposal = LatchRules.record(state, session, policy);
        return store.merge(account.latchKey(), proposal)
                .onErrorMap(e -> !(e instanceof LatchStoreException),
                        e -> new LatchStoreException("latch store failed: " + e.getMessage(), e))
                .doOnError(e -> events.publish(new LatchEvent.StoreUnavailable(account.latchKey(), session.endpoint(),
                        String.valueOf(e.getMessage()))))
                .doOnNext(after -> events.publishAll(LatchChanges.between(account.latchKey(), session.endpoint(),
                        state, after, LatchEvent.Source.TIME_RULE)))
                .then();
    }

    private LatchViolationException violation(Account account, SessionSecurity session, List<LatchFinding> findings,
            boolean blocks) {
        events.publish(new LatchEvent.Violated(account.latchKey(), session.endpoint(), findings, blocks));
        return new LatchViolationException(account.latchKey(), session.endpoint(), findings, blocks);
    }
}
