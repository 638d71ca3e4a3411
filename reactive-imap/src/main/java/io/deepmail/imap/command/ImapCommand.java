package io.deepmail.imap.command;

/**
 * An IMAP command as data (RFC 9051 §6). The family is closed so that the session's mapping to the
 * wire is checked for completeness.
 *
 * @since 0.1
 */
public sealed interface ImapCommand permits Capability, Noop, Logout, StartTls, Login, Authenticate, Enable,
        ListMailboxes, Status, Select, Examine, Create, Delete, Unselect, Close, Fetch, Search, Store, Copy, Move,
        Expunge, UidExpunge, Append, Idle, Id, Namespace {

    /**
     * The verb as written on the wire, with a {@code UID} prefix where it applies.
     *
     * @return the verb
     */
    String verb();
}
