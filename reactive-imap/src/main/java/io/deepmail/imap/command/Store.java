package io.deepmail.imap.command;

import java.util.List;
import java.util.Objects;

/**
 * STORE or UID STORE: changes flags.
 *
 * @param sequenceSet the message set
 * @param action how the flags change
 * @param flags the flags
 * @param silent whether the server should not answer with the new flags
 * @param uid whether the set holds UIDs
 * @param unchangedSince the {@code UNCHANGEDSINCE} modifier (RFC 7162 §3.1.3): change only messages
 *     whose mod-sequence is not greater; the others are reported in {@code [MODIFIED set]}. {@code -1}
 *     for none
 * @since 0.1
 */
public record Store(String sequenceSet, Action action, List<String> flags, boolean silent, boolean uid,
        long unchangedSince) implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param sequenceSet the set
     * @param action the action
     * @param flags the flags
     * @param silent whether to suppress the answer
     * @param uid whether UIDs are used
     * @param unchangedSince the UNCHANGEDSINCE mod-sequence, or -1
     */
    public Store {
        Objects.requireNonNull(sequenceSet, "sequenceSet");
        Objects.requireNonNull(action, "action");
        flags = List.copyOf(flags);
        if (unchangedSince < -1) {
            throw new IllegalArgumentException("UNCHANGEDSINCE needs a mod-sequence of at least 0");
        }
    }

    /**
     * Without UNCHANGEDSINCE.
     *
     * @param sequenceSet the set
     * @param action the action
     * @param flags the flags
     * @param silent whether to suppress the answer
     * @param uid whether UIDs are used
     */
    public Store(String sequenceSet, Action action, List<String> flags, boolean silent, boolean uid) {
        this(sequenceSet, action, flags, silent, uid, -1);
    }

    @Override
    public String verb() {
        return uid ? "UID STORE" : "STORE";
    }

    /**
     * How STORE changes the flags.
     *
     * @since 0.1
     */
    public enum Action {
        /** {@code +FLAGS}: add. */
        ADD("+FLAGS"),
        /** {@code -FLAGS}: remove. */
        REMOVE("-FLAGS"),
        /** {@code FLAGS}: replace. */
        REPLACE("FLAGS");

        private final String item;

        Action(String item) {
            this.item = item;
        }

        /**
         * The data item name.
         *
         * @return for example {@code +FLAGS}
         */
        public String item() {
            return item;
        }
    }
}
