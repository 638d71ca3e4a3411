package io.deepmail.core.internal.latch;

import io.deepmail.core.latch.LatchState;

/** The one write rule every store applies: join, and bump the revision when that changed anything. */
public final class StoredStates {

    private StoredStates() {
    }

    /**
     * What a store holds after joining {@code proposal} into {@code current}.
     *
     * @param current what the store holds
     * @param proposal what a writer proposes; its revision is ignored
     * @return {@code current} itself when nothing changed, else the join at the next revision
     */
    public static LatchState write(LatchState current, LatchState proposal) {
        LatchState joined = current.join(proposal.withRevision(current.revision()));
        return joined.equals(current) ? current : joined.withRevision(current.revision() + 1);
    }
}
