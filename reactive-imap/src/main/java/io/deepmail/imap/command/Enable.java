package io.deepmail.imap.command;

import java.util.List;

/**
 * ENABLE (RFC 5161): turns on extensions such as CONDSTORE or UTF8=ACCEPT.
 *
 * @param capabilities the capabilities to enable
 * @since 0.1
 */
public record Enable(List<String> capabilities) implements ImapCommand {

    /**
     * Copies the list.
     *
     * @param capabilities the capabilities
     */
    public Enable {
        capabilities = List.copyOf(capabilities);
    }

    @Override
    public String verb() {
        return "ENABLE";
    }
}
