package io.deepmail.core.metrics;

/**
 * What happened to a long-lived wait for server updates, such as IMAP IDLE (RFC 2177). A closed,
 * small set, so it is safe as a metrics tag.
 *
 * @since 0.1
 */
public enum IdleEvent {

    /** A subscriber started waiting: the first IDLE command of the wait was issued. */
    STARTED,

    /**
     * The wait was renewed: IDLE was ended with DONE and issued again before the server's
     * inactivity timer (29 minutes by default) could close the connection.
     */
    REFRESHED,

    /** The wait ended: cancelled by its subscriber, failed, or the session closed. */
    ENDED
}
