package io.deepmail.core.latch;

import io.deepmail.core.tls.TlsVersion;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How latches are learned and enforced: the choices REQUIREMENTS §3 leaves to the application.
 *
 * @param versionCeiling the highest TLS version that latches (L3); a session on a newer version
 *        latches this one
 * @param warnOnProvisional whether a provisional violation waits for {@code acceptOnce()} instead of
 *        aborting (L8 warn mode)
 * @param abortOnProvisionalPfs whether a provisional PFS violation aborts instead of warning (L9)
 * @param timeRule whether the N-sessions-over-T-days rule promotes provisional latches (L4(c));
 *        it never promotes PFS
 * @param promotionSessions N: compliant sessions needed by the time rule
 * @param promotionPeriod T: how long after the first observation the time rule may fire
 * @param acceptTimeout how long a pending provisional violation waits for a decision before it aborts
 * @param clock the clock of observations and of the time rule
 * @since 0.1
 */
public record LatchPolicy(TlsVersion versionCeiling, boolean warnOnProvisional, boolean abortOnProvisionalPfs,
        boolean timeRule, int promotionSessions, Duration promotionPeriod, Duration acceptTimeout, Clock clock) {

    /**
     * Default version ceiling: TLS 1.2. Latching 1.3 would lock out servers behind middleboxes
     * limited to 1.2 (L3).
     */
    public static final TlsVersion DEFAULT_VERSION_CEILING = TlsVersion.TLS_1_2;

    /** Default N of the time rule: 5 sessions (L4(c)). */
    public static final int DEFAULT_PROMOTION_SESSIONS = 5;

    /** Default T of the time rule: 7 days (L4(c)). */
    public static final Duration DEFAULT_PROMOTION_PERIOD = Duration.ofDays(7);

    /** Default wait for {@code acceptOnce()} on a pending provisional violation: 2 minutes. */
    public static final Duration DEFAULT_ACCEPT_TIMEOUT = Duration.ofMinutes(2);

    private static final LatchPolicy DEFAULTS = new LatchPolicy(DEFAULT_VERSION_CEILING, false, false, true,
            DEFAULT_PROMOTION_SESSIONS, DEFAULT_PROMOTION_PERIOD, DEFAULT_ACCEPT_TIMEOUT, Clock.systemUTC());

    /**
     * Validates the policy.
     *
     * @param versionCeiling the ceiling
     * @param warnOnProvisional warn mode
     * @param abortOnProvisionalPfs PFS abort
     * @param timeRule the time rule
     * @param promotionSessions N
     * @param promotionPeriod T
     * @param acceptTimeout the decision timeout
     * @param clock the clock
     */
    public LatchPolicy {
        Objects.requireNonNull(versionCeiling, "versionCeiling");
        Objects.requireNonNull(promotionPeriod, "promotionPeriod");
        Objects.requireNonNull(acceptTimeout, "acceptTimeout");
        Objects.requireNonNull(clock, "clock");
        if (promotionSessions < 1) {
            throw new IllegalArgumentException("promotionSessions must be at least 1: " + promotionSessions);
        }
        if (promotionPeriod.isNegative() || acceptTimeout.isNegative() || acceptTimeout.isZero()) {
            throw new IllegalArgumentException("promotionPeriod must not be negative and acceptTimeout must be positive");
        }
    }

    /**
     * The defaults: ceiling TLS 1.2, provisional violations abort, provisional PFS warns, the time
     * rule on with N = 5 and T = 7 days, the system clock.
     *
     * @return the default policy
     */
    public static LatchPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /**
     * A builder holding {@code policy}.
     *
     * @param policy the policy to copy
     * @return a new builder
     */
    public static Builder copyOf(LatchPolicy policy) {
        return new Builder(policy);
    }

    /**
     * A builder holding this policy.
     *
     * @return a new builder
     */
    public Builder mutate() {
        return new Builder(this);
    }

    /**
     * Builds a {@link LatchPolicy}.
     *
     * @since 0.1
     */
    public static final class Builder {

        private TlsVersion versionCeiling;
        private boolean warnOnProvisional;
        private boolean abortOnProvisionalPfs;
        private boolean timeRule;
        private int promotionSessions;
        private Duration promotionPeriod;
        private Duration acceptTimeout;
        private Clock clock;

        private Builder(LatchPolicy p) {
            versionCeiling = p.versionCeiling;
            warnOnProvisional = p.warnOnProvisional;
            abortOnProvisionalPfs = p.abortOnProvisionalPfs;
            timeRule = p.timeRule;
            promotionSessions = p.promotionSessions;
            promotionPeriod = p.promotionPeriod;
            acceptTimeout = p.acceptTimeout;
            clock = p.clock;
        }

        /**
         * The highest TLS version that latches.
         *
         * @param ceiling the ceiling
         * @return this builder
         */
        public Builder versionCeiling(TlsVersion ceiling) {
            this.versionCeiling = ceiling;
            return this;
        }

        /**
         * Warn mode for provisional violations (L8).
         *
         * @param warn whether a provisional violation waits for {@code acceptOnce()}
         * @return this builder
         */
        public Builder warnOnProvisional(boolean warn) {
            this.warnOnProvisional = warn;
            return this;
        }

        /**
         * Whether a provisional PFS violation aborts (L9 lets the application ask for it).
         *
         * @param abort whether to abort
         * @return this builder
         */
        public Builder abortOnProvisionalPfs(boolean abort) {
            this.abortOnProvisionalPfs = abort;
            return this;
        }

        /**
         * The N-sessions-over-T-days rule (L4(c)).
         *
         * @param enabled whether it runs
         * @param sessions N
         * @param period T
         * @return this builder
         */
        public Builder timeRule(boolean enabled, int sessions, Duration period) {
            this.timeRule = enabled;
            this.promotionSessions = sessions;
            this.promotionPeriod = period;
            return this;
        }

        /**
         * How long a pending provisional violation waits for a decision.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder acceptTimeout(Duration timeout) {
            this.acceptTimeout = timeout;
            return this;
        }

        /**
         * The clock of observations and of the time rule.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the policy
         */
        public LatchPolicy build() {
            return new LatchPolicy(versionCeiling, warnOnProvisional, abortOnProvisionalPfs, timeRule,
                    promotionSessions, promotionPeriod, acceptTimeout, clock);
        }
    }
}
