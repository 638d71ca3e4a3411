package io.deepmail.imap;

/**
 * The connection states of RFC 9051 §3.
 *
 * @since 0.1
 */
public enum ImapState {
    /** Greeted, TLS up, not yet authenticated: only capability discovery and authentication. */
    NOT_AUTHENTICATED,
    /** Authenticated: mailbox commands allowed. */
    AUTHENTICATED,
    /** A mailbox is selected: message commands allowed. */
    SELECTED,
    /** Logged out, or the server said BYE. */
    LOGOUT
}
