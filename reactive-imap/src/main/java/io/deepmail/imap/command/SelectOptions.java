package io.deepmail.imap.command;

import org.jspecify.annotations.Nullable;

/**
 * The parameters of SELECT and EXAMINE (RFC 7162): {@code (CONDSTORE)}, which turns on mod-sequences
 * for the session, or {@code (QRESYNC (...))}, which also reports what changed since the client
 * last saw the mailbox. QRESYNC implies CONDSTORE; with {@code qresync} set, {@code condstore} is
 * not written.
 *
 * @param condstore whether to send {@code (CONDSTORE)}
 * @param qresync the quick-resynchronization parameters, or {@code null}
 * @since 0.1
 */
public record SelectOptions(boolean condstore, @Nullable Qresync qresync) {

    /** No parameters: a plain SELECT or EXAMINE. */
    public static final SelectOptions NONE = new SelectOptions(false, null);

    /** {@code (CONDSTORE)}. */
    public static final SelectOptions CONDSTORE = new SelectOptions(true, null);

    /**
     * {@code (QRESYNC (...))}.
     *
     * @param qresync the parameters
     * @return the options
     */
    public static SelectOptions qresync(Qresync qresync) {
        return new SelectOptions(false, qresync);
    }

    /**
     * {@code QRESYNC (uidvalidity modseq [known-uids [(known-sequence-set known-uid-set)]])}
     * (RFC 7162 §3.2.5).
     *
     * @param uidValidity the UIDVALIDITY the client cached, positive
     * @param modSeq the last HIGHESTMODSEQ the client saw, positive
     * @param knownUids the UIDs the client knows, such as {@code 1:300}, or {@code null}
     * @param knownSequences message numbers of the sequence match data, or {@code null}
     * @param knownSequenceUids the UIDs of those message numbers, or {@code null}; set together with
     *     {@code knownSequences}, and only with {@code knownUids}
     * @since 0.1
     */
    public record Qresync(long uidValidity, long modSeq, @Nullable String knownUids, @Nullable String knownSequences,
            @Nullable String knownSequenceUids) {

        /**
         * Validates the parameters: positive numbers, and sets made only of digits, {@code :},
         * {@code ,} and {@code *}.
         *
         * @param uidValidity UIDVALIDITY
         * @param modSeq the mod-sequence
         * @param knownUids known UIDs
         * @param knownSequences sequence match: numbers
         * @param knownSequenceUids sequence match: UIDs
         */
        public Qresync {
            if (uidValidity < 1 || modSeq < 1) {
                throw new IllegalArgumentException("QRESYNC needs a positive UIDVALIDITY and mod-sequence");
            }
            set(knownUids);
            set(knownSequences);
            set(knownSequenceUids);
            if ((knownSequences == null) != (knownSequenceUids == null)) {
                throw new IllegalArgumentException("the sequence match data needs both sets");
            }
            if (knownSequences != null && knownUids == null) {
                throw new IllegalArgumentException("the sequence match data needs the known UIDs");
            }
        }

        /**
         * Only the UIDVALIDITY and the mod-sequence.
         *
         * @param uidValidity UIDVALIDITY
         * @param modSeq the mod-sequence
         */
        public Qresync(long uidValidity, long modSeq) {
            this(uidValidity, modSeq, null, null, null);
        }

        /**
         * The wire form of the parameter list, without the surrounding {@code QRESYNC}.
         *
         * @return for example {@code (67890007 20050715194045000 41,43:211)}
         */
        public String wire() {
            StringBuilder out = new StringBuilder("(").append(uidValidity).append(' ').append(modSeq);
            if (knownUids != null) {
                out.append(' ').append(knownUids);
            }
            if (knownSequences != null) {
                out.append(" (").append(knownSequences).append(' ').append(knownSequenceUids).append(')');
            }
            return out.append(')').toString();
        }

        private static void set(@Nullable String set) {
            if (set != null && !set.matches("[0-9*]+(:[0-9*]+)?(,[0-9*]+(:[0-9*]+)?)*")) {
                throw new IllegalArgumentException("not a sequence set: " + set);
            }
        }
    }

    /**
     * The parameter list written after the mailbox name.
     *
     * @return for example {@code (CONDSTORE)}, or empty for none
     */
    public String wire() {
        if (qresync != null) {
            return "(QRESYNC " + qresync.wire() + ")";
        }
        return condstore ? "(CONDSTORE)" : "";
    }
}
