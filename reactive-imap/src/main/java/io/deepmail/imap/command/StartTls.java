package io.deepmail.imap.command;

/**
 * STARTTLS: asks to start TLS on a cleartext connection (run through the core primitive only).
 *
 * @since 0.1
 */
public record StartTls() implements ImapCommand {

    @Override
    public String verb() {
        return "STARTTLS";
    }
}
