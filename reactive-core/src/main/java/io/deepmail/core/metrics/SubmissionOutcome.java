package io.deepmail.core.metrics;

/**
 * How the submission of one message ended. A closed, small set, so it is safe as a metrics tag.
 *
 * @since 0.1
 */
public enum SubmissionOutcome {

    /** The server accepted the message with a 2xx reply to its content. */
    ACCEPTED,

    /** The server refused the message with a 4xx or 5xx reply to MAIL, RCPT, DATA, BDAT or the content. */
    REJECTED,

    /** No final reply arrived: the connection dropped, timed out or broke the protocol, or the send was cancelled. */
    FAILED
}
