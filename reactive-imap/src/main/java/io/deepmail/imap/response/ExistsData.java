package io.deepmail.imap.response;

/**
 * {@code * n EXISTS}: the number of messages in the mailbox.
 *
 * @param count the message count
 * @since 0.1
 */
public record ExistsData(long count) implements Untagged {
}
