package io.deepmail.core.metrics;

/**
 * How one connection attempt of a race ended.
 *
 * @since 0.1
 */
public enum AttemptOutcome {

    /** The attempt produced the session that was used. */
    WON,

    /** The attempt was cancelled because another one won, or the caller cancelled. */
    CANCELLED,

    /** The attempt failed; the recorder receives the reason. */
    FAILED
}
