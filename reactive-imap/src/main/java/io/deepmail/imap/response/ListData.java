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
 * @param mailbox the mailbox name as the server sent it: modified UTF-7, or UTF-8 once UTF8=ACCEPT (RFC 6855)
 *     or IMAP4rev2 is enabled
 * @param utf8 whether the name is UTF-8 (sent after UTF8=ACCEPT or IMAP4rev2 was enabled) rather than
 *     modified UTF-7
 * @since 0.1
 */
public record ListData(List<String> attributes, @Nullable String delimiter, String mailbox, boolean utf8)
        implements Untagged {

    /**
     * Copies the attributes.
     *
     * @param attributes the attributes
     * @param delimiter the delimiter
     * @param mailbox the name
     * @param utf8 whether the name is UTF-8
     */
    public ListData {
        attributes = List.copyOf(attributes);
        Objects.requireNonNull(mailbox, "mailbox");
    }

    /**
     * A name in modified UTF-7.
     *
     * @param attributes the attributes
     * @param delimiter the delimiter
     * @param mailbox the name
     */
    public ListData(List<String> attributes, @Nullable String delimiter, String mailbox) {
        this(attributes, delimiter, mailbox, false);
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
     * The mailbox name in Unicode: decoded from modified UTF-7 (RFC 3501 §5.1.3), or as sent when
     * it is already UTF-8 ({@link #utf8()}).
     *
     * @return the decoded name; the raw name if it is not valid modified UTF-7
     */
    public String decodedMailbox() {
        return utf8 ? mailbox : ModifiedUtf7.decode(mailbox);
    }
}
