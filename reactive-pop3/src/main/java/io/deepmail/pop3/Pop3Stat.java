package io.deepmail.pop3;

/**
 * The answer to {@code STAT}: how many messages the maildrop holds and their total size.
 *
 * @param count the number of messages, not counting those marked deleted
 * @param size their total size in octets
 * @since 0.1
 */
public record Pop3Stat(int count, long size) {
}
