package io.deepmail.core.metrics;

/**
 * Why a connect race was won by a candidate other than the most preferred one. A closed, small set,
 * so it is safe as a metrics tag.
 *
 * @since 0.1
 */
public enum FallbackReason {

    /** The preferred candidate failed before the winner connected. */
    PREFERRED_FAILED,

    /**
     * The preferred candidate was still connecting when a later one, started after the head start,
     * connected first; the preferred one was cancelled.
     */
    PREFERRED_SLOWER
}
