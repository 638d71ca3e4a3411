package io.deepmail.imap.command;

import java.util.Objects;

/**
 * LIST: mailboxes matching a pattern; with {@code specialUse}, {@code RETURN (SPECIAL-USE)}
 * (RFC 6154) is asked for when the server supports it.
 *
 * @param reference the reference name, usually empty
 * @param pattern the pattern, for example {@code "*"}
 * @param specialUse whether to ask for special-use attributes
 * @since 0.1
 */
public record ListMailboxes(String reference, String pattern, boolean specialUse) implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param reference the reference
     * @param pattern the pattern
     * @param specialUse whether to ask for special-use attributes
     */
    public ListMailboxes {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public String verb() {
        return "LIST";
    }
}
