package io.deepmail.pop3;

import java.util.Objects;

/**
 * One line of a {@code UIDL} answer (RFC 1939 §7): a message number and its unique id.
 *
 * @param number the message number, from 1
 * @param uid the unique id, stable across sessions
 * @since 0.1
 */
public record Pop3UidlEntry(int number, String uid) {

    /**
     * Validates the id.
     *
     * @param number the message number
     * @param uid the unique id
     */
    public Pop3UidlEntry {
        Objects.requireNonNull(uid, "uid");
    }
}
