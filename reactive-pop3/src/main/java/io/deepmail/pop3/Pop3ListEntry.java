package io.deepmail.pop3;

/**
 * One line of a {@code LIST} answer: a message number and its size.
 *
 * @param number the message number, from 1
 * @param size the size in octets, as the server counts it
 * @since 0.1
 */
public record Pop3ListEntry(int number, long size) {
}
