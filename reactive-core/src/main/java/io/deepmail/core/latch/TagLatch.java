package io.deepmail.core.latch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One latched property of one endpoint: its {@link TagState}, and the evidence the N-sessions-
 * over-T-days rule (L4(c)) needs: how many compliant sessions showed it, and when the first did.
 * Immutable. {@link #join} takes the higher state, the higher count and the earlier first
 * observation; it never lowers the state.
 *
 * @param state the state
 * @param observations compliant sessions that showed the property, as far as this store knows;
 *        concurrent writers may each count the same base, so this can undercount, never overcount
 * @param firstObserved when a compliant session first showed it, whole seconds; {@code null} when never
 * @since 0.1
 */
public record TagLatch(TagState state, long observations, @Nullable Instant firstObserved) {

    /** Nothing latched and nothing observed. */
    public static final TagLatch NONE = new TagLatch(TagState.NONE, 0, null);

    /**
     * Validates the latch and truncates the time to seconds.
     *
     * @param state the state
     * @param observations the count, not negative
     * @param firstObserved the first observation, or {@code null}
     */
    public TagLatch {
        Objects.requireNonNull(state, "state");
        if (observations < 0) {
            throw new IllegalArgumentException("observations must not be negative: " + observations);
        }
        if (firstObserved != null) {
            firstObserved = firstObserved.truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /**
     * A latch in the given state without evidence.
     *
     * @param state the state
     * @return the latch
     */
    public static TagLatch of(TagState state) {
        return state == TagState.NONE ? NONE : new TagLatch(state, 0, null);
    }

    /**
     * The least upper bound of the two latches.
     *
     * @param other the other latch
     * @return the higher state, the higher count, the earlier first observation
     */
    public TagLatch join(TagLatch other) {
        Instant first = firstObserved == null ? other.firstObserved
                : other.firstObserved == null || firstObserved.isBefore(other.firstObserved) ? firstObserved
                : other.firstObserved;
        return new TagLatch(state.join(other.state), Math.max(observations, other.observations), first);
    }

    /**
     * Whether this latch is at least {@code other} in every respect: joining {@code other} into it
     * changes nothing.
     *
     * @param other the latch to compare with
     * @return {@code true} when {@code this.join(other).equals(this)}
     */
    public boolean isAtLeast(TagLatch other) {
        return join(other).equals(this);
    }

    /**
     * This latch with one more compliant session observed at {@code now}; a {@code NONE} latch
     * becomes {@code PROVISIONAL} (L3).
     *
     * @param now the time of the session
     * @return the raised latch
     */
    public TagLatch observed(Instant now) {
        return join(new TagLatch(TagState.PROVISIONAL, observations + 1, now));
    }

    /**
     * This latch promoted to {@code NORMAL} if it is {@code PROVISIONAL} (L4); otherwise unchanged.
     *
     * @return the confirmed latch
     */
    public TagLatch confirmed() {
        return state == TagState.PROVISIONAL ? new TagLatch(TagState.NORMAL, observations, firstObserved) : this;
    }
}
