package io.deepmail.imap.response;

/**
 * One decoded IMAP server response (RFC 9051 §7): a tagged completion, untagged data, or a
 * command continuation request.
 *
 * @since 0.1
 */
public sealed interface ImapResponse permits Tagged, Untagged, Continuation {
}
