package io.deepmail.imap.command;

/**
 * UNSELECT (RFC 3691, IMAP4rev2): leaves the selected mailbox without expunging.
 *
 * @since 0.1
 */
public record Unselect() implements ImapCommand {

    @Override
    public String verb() {
        return "UNSELECT";
    }
}
