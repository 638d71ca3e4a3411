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
 * @since 0.1
 */
public record Store(String sequenceSet, Action action, List<String> flags, boolean silent, boolean uid)
        implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param sequenceSet the set
     * @param action the action
     * @param flags the flags
     * @param silent whether to suppress the answer
     * @param uid whether UIDs are used
     */
    public Store {
        Objects.requireNonNull(sequenceSet, "sequenceSet");
        Objects.requireNonNull(action, "action");
        flags = List.copyOf(flags);
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
