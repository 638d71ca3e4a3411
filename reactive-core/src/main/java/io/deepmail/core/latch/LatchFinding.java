package io.deepmail.core.latch;

import java.io.Serializable;
import java.util.Objects;

/**
 * One requirement a session did not meet.
 *
 * @param property what is missing
 * @param latched the state of the latch that requires it; {@code NORMAL} for the minimum level, the
 *        account-wide latch and pins, which always bind
 * @param expected what was required, in words, e.g. {@code TLSv1.3 or later}
 * @param observed what the session showed, in words
 * @param severity what the finding does to the session
 * @since 0.1
 */
public record LatchFinding(LatchProperty property, TagState latched, String expected, String observed,
        Severity severity) implements Serializable {

    /**
     * Validates the finding.
     *
     * @param property the property
     * @param latched the latch state
     * @param expected the expectation
     * @param observed the observation
     * @param severity the severity
     */
    public LatchFinding {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(latched, "latched");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * What a finding does to the session.
     *
     * @since 0.1
     */
    public enum Severity {

        /** The session goes on; a warning event is emitted (provisional PFS, L9). */
        WARN,

        /** The session stops before credentials until the application calls {@code acceptOnce()} (L8, warn mode). */
        PENDING,

        /** The session is refused (L7, and L8 by default). */
        ABORT
    }
}
