package io.deepmail.core.discovery;

import io.deepmail.core.dns.DnssecStatus;
import java.util.Objects;

/**
 * What the SRV lookup of one label gave (REQUIREMENTS §5.3 steps 2-4).
 *
 * @param label the label
 * @param state found, absent, declared not provided, or failed
 * @param status the DNSSEC status of the answer (BOGUS or INDETERMINATE when failed)
 * @param detail a short explanation for the user or the log
 * @since 0.1
 */
public record LabelLookup(ServiceLabel label, State state, DnssecStatus status, String detail) {

    /**
     * Validates the result.
     *
     * @param label the label
     * @param state the state
     * @param status the status
     * @param detail the explanation
     */
    public LabelLookup {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        if ((state == State.FAILED) == status.usable()) {
            throw new IllegalArgumentException("FAILED goes with BOGUS or INDETERMINATE, and only with them");
        }
    }

    /**
     * What the lookup of a label gave.
     *
     * @since 0.1
     */
    public enum State {
        /** SRV records with usable targets. */
        FOUND,
        /** No SRV records at the label (NXDOMAIN or NODATA), or none with a usable target. */
        ABSENT,
        /** A lone {@code "."} target: the service is decidedly not available (RFC 2782, SRV-04). */
        NOT_PROVIDED,
        /** BOGUS or INDETERMINATE: the label's protocol is aborted, with no guessing (SRV-11). */
        FAILED
    }
}
