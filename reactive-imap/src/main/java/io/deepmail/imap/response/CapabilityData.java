package io.deepmail.imap.response;

import java.util.Set;

/**
 * {@code * CAPABILITY ...}: the capabilities, upper case.
 *
 * @param capabilities the capability names
 * @since 0.1
 */
public record CapabilityData(Set<String> capabilities) implements Untagged {

    /**
     * Copies the set.
     *
     * @param capabilities the names
     */
    public CapabilityData {
        capabilities = Set.copyOf(capabilities);
    }
}
