package io.deepmail.imap;

import java.util.List;
import java.util.Objects;

/**
 * What SELECT or EXAMINE reported about the opened mailbox.
 *
 * @param name the mailbox name
 * @param readOnly whether the mailbox is open read-only (EXAMINE, or {@code [READ-ONLY]})
 * @param exists the message count
 * @param flags the flags defined in the mailbox
 * @param permanentFlags the flags that can be stored permanently
 * @param uidValidity UIDVALIDITY, or {@code -1}
 * @param uidNext UIDNEXT, or {@code -1}
 * @param highestModSeq HIGHESTMODSEQ (CONDSTORE), or {@code -1}
 * @since 0.1
 */
public record MailboxState(String name, boolean readOnly, long exists, List<String> flags,
        List<String> permanentFlags, long uidValidity, long uidNext, long highestModSeq) {

    /**
     * Copies the lists.
     *
     * @param name the name
     * @param readOnly read-only
     * @param exists count
     * @param flags flags
     * @param permanentFlags permanent flags
     * @param uidValidity UIDVALIDITY
     * @param uidNext UIDNEXT
     * @param highestModSeq HIGHESTMODSEQ
     */
    public MailboxState {
        Objects.requireNonNull(name, "name");
        flags = List.copyOf(flags);
        permanentFlags = List.copyOf(permanentFlags);
    }
}
