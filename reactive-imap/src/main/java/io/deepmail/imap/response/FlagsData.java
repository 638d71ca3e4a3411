package io.deepmail.imap.response;

import java.util.List;

/**
 * {@code * FLAGS (...)}: the flags defined in the selected mailbox.
 *
 * @param flags the flags, as sent
 * @since 0.1
 */
public record FlagsData(List<String> flags) implements Untagged {

    /**
     * Copies the list.
     *
     * @param flags the flags
     */
    public FlagsData {
        flags = List.copyOf(flags);
    }
}
