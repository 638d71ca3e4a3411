package io.deepmail.imap.response;

/**
 * {@code * n EXPUNGE}: the message with this sequence number was removed; later numbers shift down.
 *
 * @param sequence the sequence number
 * @since 0.1
 */
public record ExpungeData(long sequence) implements Untagged {
}
