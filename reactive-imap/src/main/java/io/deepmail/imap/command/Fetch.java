package io.deepmail.imap.command;

import java.util.List;
import java.util.Objects;

/**
 * FETCH or UID FETCH.
 *
 * @param sequenceSet the message set, for example {@code "1:*"}
 * @param items the data items, for example {@code UID}, {@code FLAGS}, {@code ENVELOPE},
 *     {@code BODYSTRUCTURE}, {@code BODY.PEEK[]}
 * @param uid whether the set holds UIDs
 * @param changedSince the {@code CHANGEDSINCE} modifier (RFC 7162 §3.1.4.1): only messages whose
 *     mod-sequence is greater, or {@code -1} for none
 * @param vanished the {@code VANISHED} modifier (RFC 7162 §3.2.6): also report the UIDs expunged since
 *     {@code changedSince} as {@code VANISHED (EARLIER)}; needs {@code uid} and {@code changedSince}
 * @since 0.1
 */
public record Fetch(String sequenceSet, List<String> items, boolean uid, long changedSince, boolean vanished)
        implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param sequenceSet the set
     * @param items the items
     * @param uid whether UIDs are used
     * @param changedSince the CHANGEDSINCE mod-sequence, or -1
     * @param vanished whether to ask for VANISHED
     */
    public Fetch {
        Objects.requireNonNull(sequenceSet, "sequenceSet");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("FETCH needs at least one item");
        }
        if (changedSince < -1 || changedSince == 0) {
            throw new IllegalArgumentException("CHANGEDSINCE needs a positive mod-sequence");
        }
        if (vanished && (!uid || changedSince < 0)) {
            throw new IllegalArgumentException("VANISHED needs UID FETCH with CHANGEDSINCE");
        }
    }

    /**
     * Without modifiers.
     *
     * @param sequenceSet the set
     * @param items the items
     * @param uid whether UIDs are used
     */
    public Fetch(String sequenceSet, List<String> items, boolean uid) {
        this(sequenceSet, items, uid, -1, false);
    }

    /**
     * The modifier list written after the items.
     *
     * @return for example {@code (CHANGEDSINCE 12 VANISHED)}, or empty for none
     */
    public String modifiers() {
        if (changedSince < 0) {
            return "";
        }
        return "(CHANGEDSINCE " + changedSince + (vanished ? " VANISHED)" : ")");
    }

    @Override
    public String verb() {
        return uid ? "UID FETCH" : "FETCH";
    }
}
