package io.deepmail.imap.command;

/**
 * NOOP: does nothing, lets the server send pending updates.
 *
 * @since 0.1
 */
public record Noop() implements ImapCommand {

    @Override
    public String verb() {
        return "NOOP";
    }
}
