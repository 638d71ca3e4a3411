package io.deepmail.imap.command;

/**
 * CAPABILITY: asks for the server's capabilities.
 *
 * @since 0.1
 */
public record Capability() implements ImapCommand {

    @Override
    public String verb() {
        return "CAPABILITY";
    }
}
