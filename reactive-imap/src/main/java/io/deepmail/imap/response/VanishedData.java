package io.deepmail.imap.response;

import java.util.Objects;

/**
 * {@code * VANISHED [(EARLIER)] uid-set} (RFC 7162 §3.2.10): under QRESYNC, the messages with
 * these UIDs were expunged. It replaces {@link ExpungeData}; without {@code EARLIER} it is a live
 * expunge (message numbers shift down), with {@code EARLIER} it reports expunges the client missed,
 * in answer to SELECT with QRESYNC or to {@code UID FETCH ... (CHANGEDSINCE n VANISHED)}, and
 * message numbers do not change.
 *
 * @param earlier whether {@code (EARLIER)} was given
 * @param uids the expunged UIDs
 * @since 0.1
 */
public record VanishedData(boolean earlier, SequenceSet uids) implements Untagged {

    /**
     * Validates the response.
     *
     * @param earlier whether EARLIER was given
     * @param uids the UIDs
     */
    public VanishedData {
        Objects.requireNonNull(uids, "uids");
    }
}
