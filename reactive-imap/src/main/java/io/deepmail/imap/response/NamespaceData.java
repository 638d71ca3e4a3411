package io.deepmail.imap.response;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code * NAMESPACE personal other shared} (RFC 2342, RFC 9051 §7.3.4).
 *
 * @param personal the user's own name spaces, usually one with an empty prefix
 * @param otherUsers the name spaces of other users' mailboxes
 * @param shared the shared name spaces
 * @since 0.1
 */
public record NamespaceData(List<Entry> personal, List<Entry> otherUsers, List<Entry> shared) implements Untagged {

    /**
     * Copies the lists.
     *
     * @param personal personal name spaces
     * @param otherUsers other users' name spaces
     * @param shared shared name spaces
     */
    public NamespaceData {
        personal = List.copyOf(personal);
        otherUsers = List.copyOf(otherUsers);
        shared = List.copyOf(shared);
    }

    /**
     * One name space.
     *
     * @param prefix the prefix, for example {@code ""} or {@code "Other Users/"}
     * @param delimiter the hierarchy delimiter, or {@code null} for a flat name space
     * @since 0.1
     */
    public record Entry(String prefix, @Nullable String delimiter) {

        /**
         * Validates the entry.
         *
         * @param prefix the prefix
         * @param delimiter the delimiter
         */
        public Entry {
            Objects.requireNonNull(prefix, "prefix");
        }
    }
}
