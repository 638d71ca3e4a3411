package io.deepmail.imap.command;

/**
 * CLOSE: expunges and leaves the selected mailbox.
 *
 * @since 0.1
 */
public record Close() implements ImapCommand {

    @Override
    public String verb() {
        return "CLOSE";
    }
}
