package io.deepmail.submission;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one accepted message.
 *
 * @param queueId the server's queue id when its final reply named one (Postfix "queued as X",
 *     Exim "id=X"), else {@code null}
 * @param accepted the recipients the server accepted, in envelope order
 * @param refused the recipients the server refused, with its reply to each
 * @param reply the server's final reply to the message
 * @param requireTls whether the REQUIRETLS parameter was sent
 * @since 0.1
 */
public record SubmissionResult(@Nullable String queueId, List<String> accepted, Map<String, SmtpReply> refused,
        SmtpReply reply, boolean requireTls) {

    /**
     * Copies the collections.
     *
     * @param queueId the queue id or {@code null}
     * @param accepted the accepted recipients
     * @param refused the refused recipients
     * @param reply the final reply
     * @param requireTls whether REQUIRETLS was sent
     */
    public SubmissionResult {
        accepted = List.copyOf(accepted);
        refused = Map.copyOf(refused);
        Objects.requireNonNull(reply, "reply");
    }
}
