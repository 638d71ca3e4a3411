package io.deepmail.imap.response;

import org.jspecify.annotations.Nullable;

/**
 * An address of an envelope (RFC 9051 §7.5.2).
 *
 * @param name the display name, RFC 2047 encoded words as sent, or {@code null}
 * @param adl the source route, or {@code null}
 * @param mailbox the local part, or {@code null} (group syntax)
 * @param host the domain, or {@code null} (group syntax)
 * @since 0.1
 */
public record Address(@Nullable String name, @Nullable String adl, @Nullable String mailbox,
        @Nullable String host) {

    /**
     * The address as {@code mailbox@host}.
     *
     * @return the address, or the mailbox alone when there is no host
     */
    public String address() {
        return (mailbox == null ? "" : mailbox) + (host == null ? "" : "@" + host);
    }

    /**
     * The display name with RFC 2047 encoded words decoded.
     *
     * @return the decoded name, or {@code null}
     */
    public @Nullable String decodedName() {
        return name == null ? null : EncodedWords.decode(name);
    }
}
