package io.deepmail.core.latch;

/**
 * The state of one latched property on one endpoint (REQUIREMENTS §3.4), ordered
 * {@code NONE < PROVISIONAL < NORMAL}. Automatic changes only move it up (L2); only an explicit
 * reset brings it back to {@code NONE} (L10).
 *
 * @since 0.1
 */
public enum TagState {

    /** Nothing latched: the property is not required. */
    NONE,

    /**
     * Learned from the client's own observation of a fully compliant session (L3). A session
     * without it aborts by default, or waits for {@code acceptOnce()} in warn mode (L8); for PFS it
     * only warns (L9).
     */
    PROVISIONAL,

    /**
     * Confirmed by the user or application, by an authenticated server advertisement, or by the
     * N-sessions-over-T-days rule (L4). Binding: a session without it aborts, and no weaker
     * candidate is tried (L7).
     */
    NORMAL;

    /**
     * The higher of the two states.
     *
     * @param other the other state
     * @return the join
     */
    public TagState join(TagState other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /**
     * Whether this state is at least {@code other}.
     *
     * @param other the state to compare with
     * @return {@code true} when this is the same or higher
     */
    public boolean isAtLeast(TagState other) {
        return compareTo(other) >= 0;
    }
}
