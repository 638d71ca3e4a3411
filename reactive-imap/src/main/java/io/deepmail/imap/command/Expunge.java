package io.deepmail.imap.command;

/**
 * EXPUNGE: removes the messages marked \\Deleted from the selected mailbox.
 *
 * @since 0.1
 */
public record Expunge() implements ImapCommand {

    @Override
    public String verb() {
        return "EXPUNGE";
    }
}
