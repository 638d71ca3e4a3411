package io.deepmail.imap.command;

/**
 * IDLE (RFC 2177): waits for mailbox updates until DONE.
 *
 * @since 0.1
 */
public record Idle() implements ImapCommand {

    @Override
    public String verb() {
        return "IDLE";
    }
}
