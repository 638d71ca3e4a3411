package io.deepmail.imap.command;

import java.util.Objects;

/**
 * UID EXPUNGE (RFC 4315 UIDPLUS, IMAP4rev2): expunges only the messages of a UID set that are
 * marked {@code \Deleted}, leaving other clients' deletions alone.
 *
 * @param uidSet the UID set, for example {@code "4:7,9"}
 * @since 0.1
 */
public record UidExpunge(String uidSet) implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param uidSet the UID set
     */
    public UidExpunge {
        Objects.requireNonNull(uidSet, "uidSet");
    }

    @Override
    public String verb() {
        return "UID EXPUNGE";
    }
}
