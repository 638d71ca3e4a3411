package io.deepmail.core.connect;

import io.deepmail.core.discovery.ImplicitTlsPreference;
import java.time.Duration;
import java.util.Objects;

/**
 * How the connector races candidates.
 *
 * @param headStart how long an attempt runs alone before the next one starts (SRV-12)
 * @param preference how strongly Implicit TLS is preferred (SRV-10)
 * @param attemptTimeout the longest one attempt may take from TCP connect to established session
 * @param sniPolicy which name SNI carries for secure SRV targets without usable TLSA (DANE-10)
 * @since 0.1
 */
public record ConnectOptions(Duration headStart, ImplicitTlsPreference preference, Duration attemptTimeout,
        SniPolicy sniPolicy) {

    /**
     * Default head start: 250 ms, the Happy-Eyeballs figure of RFC 8305 §5 that REQUIREMENTS §5.4
     * adopts; long enough for a loopback or LAN Implicit-TLS handshake to win, short enough that a
     * blackholed port costs a user no more than a quarter second.
     */
    public static final Duration DEFAULT_HEAD_START = Duration.ofMillis(250);

    /** Default preference: provider priorities, Implicit TLS first at equal priority. */
    public static final ImplicitTlsPreference DEFAULT_PREFERENCE = ImplicitTlsPreference.AT_EQUAL_PRIORITY;

    /** Default attempt timeout: 30 seconds, covering connect, handshake, greeting, capabilities and STARTTLS. */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

    /** Default SNI policy: the host connected to. */
    public static final SniPolicy DEFAULT_SNI_POLICY = SniPolicy.CONNECT_HOST;

    private static final ConnectOptions DEFAULTS = new ConnectOptions(DEFAULT_HEAD_START, DEFAULT_PREFERENCE,
            DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_SNI_POLICY);

    /**
     * Validates the options.
     *
     * @param headStart the head start
     * @param preference the preference
     * @param attemptTimeout the attempt timeout
     * @param sniPolicy the SNI policy
     */
    public ConnectOptions {
        Objects.requireNonNull(preference, "preference");
        Objects.requireNonNull(sniPolicy, "sniPolicy");
        if (headStart.isNegative() || headStart.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("head start must be between 0 and 1 minute, got " + headStart);
        }
        if (attemptTimeout.isNegative() || attemptTimeout.isZero() || attemptTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("attempt timeout must be positive and at most one hour");
        }
    }

    /**
     * The defaults.
     *
     * @return the defaults
     */
    public static ConnectOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another head start.
     *
     * @param d the head start
     * @return new options
     */
    public ConnectOptions withHeadStart(Duration d) {
        return new ConnectOptions(d, preference, attemptTimeout, sniPolicy);
    }

    /**
     * A copy with another preference.
     *
     * @param p the preference
     * @return new options
     */
    public ConnectOptions withPreference(ImplicitTlsPreference p) {
        return new ConnectOptions(headStart, p, attemptTimeout, sniPolicy);
    }

    /**
     * A copy with another attempt timeout.
     *
     * @param d the timeout
     * @return new options
     */
    public ConnectOptions withAttemptTimeout(Duration d) {
        return new ConnectOptions(headStart, preference, d, sniPolicy);
    }

    /**
     * A copy with another SNI policy.
     *
     * @param p the policy
     * @return new options
     */
    public ConnectOptions withSniPolicy(SniPolicy p) {
        return new ConnectOptions(headStart, preference, attemptTimeout, p);
    }
}
