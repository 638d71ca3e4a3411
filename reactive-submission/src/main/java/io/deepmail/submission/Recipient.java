package io.deepmail.submission;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One RCPT TO: the address, and the DSN requests for it (RFC 3461 NOTIFY and ORCPT). The address is
 * checked when the envelope is built and again when the command is built: no CR, LF, NUL, space or
 * angle bracket ever reaches the wire.
 *
 * @param address the recipient mailbox, without angle brackets
 * @param notifyOn the NOTIFY conditions, empty to send no NOTIFY parameter
 * @param originalRecipient the ORCPT address, or {@code null}
 * @since 0.1
 */
public record Recipient(String address, Set<Notify> notifyOn, @Nullable String originalRecipient) {

    /** RFC 3461 NOTIFY conditions. */
    public enum Notify {
        /** Report successful delivery. */
        SUCCESS,
        /** Report failure. */
        FAILURE,
        /** Report delay. */
        DELAY,
        /** Never report; excludes the others. */
        NEVER
    }

    /**
     * Validates NOTIFY and copies it.
     *
     * @param address the address
     * @param notifyOn the NOTIFY conditions
     * @param originalRecipient the ORCPT address, or {@code null}
     */
    public Recipient {
        Objects.requireNonNull(address, "address");
        notifyOn = Set.copyOf(notifyOn);
        if (notifyOn.contains(Notify.NEVER) && notifyOn.size() > 1) {
            throw new IllegalArgumentException("NOTIFY=NEVER excludes the other conditions");
        }
    }

    /**
     * A recipient without DSN requests.
     *
     * @param address the address
     * @return the recipient
     */
    public static Recipient of(String address) {
        return new Recipient(address, Set.of(), null);
    }

    /**
     * A copy with NOTIFY conditions.
     *
     * @param first a condition
     * @param more further conditions
     * @return a new recipient
     */
    public Recipient withNotify(Notify first, Notify... more) {
        return new Recipient(address, EnumSet.of(first, more), originalRecipient);
    }

    /**
     * A copy with an ORCPT address.
     *
     * @param original the original recipient address
     * @return a new recipient
     */
    public Recipient withOriginalRecipient(String original) {
        return new Recipient(address, notifyOn, Objects.requireNonNull(original, "original"));
    }
}
