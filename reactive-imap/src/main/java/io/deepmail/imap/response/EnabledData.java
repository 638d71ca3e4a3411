package io.deepmail.imap.response;

import java.util.Set;

/**
 * {@code * ENABLED ...} (RFC 5161): the extensions the server enabled.
 *
 * @param capabilities the enabled capabilities, upper case
 * @since 0.1
 */
public record EnabledData(Set<String> capabilities) implements Untagged {

    /**
     * Copies the set.
     *
     * @param capabilities the names
     */
    public EnabledData {
        capabilities = Set.copyOf(capabilities);
    }
}
