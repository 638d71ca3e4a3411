package io.deepmail.imap;

import io.deepmail.imap.response.FetchData;
import io.deepmail.imap.response.VanishedData;
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
 * @param noModSeq whether the server said {@code [NOMODSEQ]}: the mailbox keeps no mod-sequences
 *     (RFC 7162 §3.1.2.2)
 * @param vanished with QRESYNC parameters, the {@code VANISHED (EARLIER)} reports: UIDs expunged since
 *     the client's mod-sequence (RFC 7162 §3.2.5.1); otherwise empty
 * @param changed with QRESYNC parameters, the FETCH reports (flags, MODSEQ) of messages changed since
 *     the client's mod-sequence; otherwise empty
 * @since 0.1
 */
public record MailboxState(String name, boolean readOnly, long exists, List<String> flags,
        List<String> permanentFlags, long uidValidity, long uidNext, long highestModSeq, boolean noModSeq,
        List<VanishedData> vanished, List<FetchData> changed) {

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
     * @param noModSeq NOMODSEQ
     * @param vanished VANISHED (EARLIER) reports
     * @param changed changed messages
     */
    public MailboxState {
        Objects.requireNonNull(name, "name");
        flags = List.copyOf(flags);
        permanentFlags = List.copyOf(permanentFlags);
        vanished = List.copyOf(vanished);
        changed = List.copyOf(changed);
    }

    /**
     * A state without CONDSTORE or QRESYNC data.
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
    public MailboxState(String name, boolean readOnly, long exists, List<String> flags, List<String> permanentFlags,
            long uidValidity, long uidNext, long highestModSeq) {
        this(name, readOnly, exists, flags, permanentFlags, uidValidity, uidNext, highestModSeq, false, List.of(),
                List.of());
    }
}
