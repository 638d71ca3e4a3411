package io.deepmail.imap.response;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code * LIST (attributes) delimiter name}: one mailbox, with its attributes including the
 * special-use ones of RFC 6154 ({@code \Sent}, {@code \Trash}, ...).
 *
 * @param attributes the attributes, as sent
 * @param delimiter the hierarchy delimiter, or {@code null} for a flat name space
 * @param mailbox the mailbox name as the server sent it (modified UTF-7 unless UTF8=ACCEPT is enabled)
 * @since 0.1
 */
public record ListData(List<String> attributes, @Nullable String delimiter, String mailbox) implements Untagged {

    /**
     * Copies the attributes.
     *
     * @param attributes the attributes
     * @param delimiter the delimiter
     * @param mailbox the name
     */
    public ListData {
        attributes = List.copyOf(attributes);
        Objects.requireNonNull(mailbox, "mailbox");
    }

    /**
     * Whether the mailbox has an attribute, compared case-insensitively.
     *
     * @param attribute for example {@code "\\Sent"}
     * @return {@code true} if present
     */
    public boolean hasAttribute(String attribute) {
        String wanted = attribute.toLowerCase(Locale.ROOT);
        return attributes.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(wanted));
    }

    /**
     * The mailbox name decoded from modified UTF-7 (RFC 3501 §5.1.3).
     *
     * @return the decoded name; the raw name if it is not valid modified UTF-7
     */
    public String decodedMailbox() {
        return ModifiedUtf7.decode(mailbox);
    }
}
