package io.deepmail.core.latch;

import io.deepmail.core.Endpoint;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking one session against an account's latches and minimum level (L6–L9,
 * L13). Pure data: computing it has no effect.
 *
 * @param account the account's latch key
 * @param endpoint the endpoint of the session
 * @param findings every requirement the session missed
 * @param upgradeAvailable whether a level-0 account just saw a level-1 session (L13)
 * @since 0.1
 */
public record LatchEvaluation(String account, Endpoint endpoint, List<LatchFinding> findings,
        boolean upgradeAvailable) {

    /**
     * Validates the evaluation.
     *
     * @param account the account
     * @param endpoint the endpoint
     * @param findings the findings
     * @param upgradeAvailable the upgrade flag
     */
    public LatchEvaluation {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(endpoint, "endpoint");
        findings = List.copyOf(findings);
    }

    /**
     * The verdict: the most severe finding decides.
     *
     * @return {@code PASS} without findings
     */
    public Verdict verdict() {
        Verdict v = Verdict.PASS;
        for (LatchFinding f : findings) {
            Verdict of = switch (f.severity()) {
                case WARN -> Verdict.WARN;
                case PENDING -> Verdict.PENDING;
                case ABORT -> Verdict.ABORT;
            };
            v = of.compareTo(v) > 0 ? of : v;
        }
        return v;
    }

    /**
     * The findings of one severity.
     *
     * @param severity the severity
     * @return those findings, in order
     */
    public List<LatchFinding> findings(LatchFinding.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /**
     * What happens to the session, ordered from harmless to fatal.
     *
     * @since 0.1
     */
    public enum Verdict {

        /** Every requirement met: the session goes on and its tags are recorded (L3). */
        PASS,

        /** Only warnings (provisional PFS): the session goes on, nothing is recorded. */
        WARN,

        /** Provisional violations in warn mode: the session waits for {@code acceptOnce()} (L8). */
        PENDING,

        /** Refused: the connection is closed before any credential (L7). */
        ABORT
    }
}
