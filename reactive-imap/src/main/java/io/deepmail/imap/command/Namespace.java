package io.deepmail.imap.command;

/**
 * NAMESPACE (RFC 2342, IMAP4rev2): the personal, other users' and shared name spaces.
 *
 * @since 0.1
 */
public record Namespace() implements ImapCommand {

    @Override
    public String verb() {
        return "NAMESPACE";
    }
}
