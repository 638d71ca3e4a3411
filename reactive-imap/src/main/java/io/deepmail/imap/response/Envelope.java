package io.deepmail.imap.response;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ENVELOPE of a message (RFC 9051 §7.5.2). Strings are as the server sent them; use
 * {@link #decodedSubject()} for the RFC 2047-decoded subject.
 *
 * @param date the Date header, or {@code null}
 * @param subject the Subject header, or {@code null}
 * @param from From
 * @param sender Sender
 * @param replyTo Reply-To
 * @param to To
 * @param cc Cc
 * @param bcc Bcc
 * @param inReplyTo In-Reply-To, or {@code null}
 * @param messageId Message-ID, or {@code null}
 * @since 0.1
 */
public record Envelope(@Nullable String date, @Nullable String subject, List<Address> from, List<Address> sender,
        List<Address> replyTo, List<Address> to, List<Address> cc, List<Address> bcc, @Nullable String inReplyTo,
        @Nullable String messageId) {

    /**
     * Copies the lists.
     *
     * @param date the date
     * @param subject the subject
     * @param from from
     * @param sender sender
     * @param replyTo reply-to
     * @param to to
     * @param cc cc
     * @param bcc bcc
     * @param inReplyTo in-reply-to
     * @param messageId message-id
     */
    public Envelope {
        from = List.copyOf(from);
        sender = List.copyOf(sender);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
    }

    /**
     * The subject with RFC 2047 encoded words decoded.
     *
     * @return the decoded subject, or {@code null}
     */
    public @Nullable String decodedSubject() {
        return subject == null ? null : EncodedWords.decode(subject);
    }
}
