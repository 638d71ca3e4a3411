package io.deepmail.imap;

import io.deepmail.imap.response.StatusResponse;
import java.util.Set;

/**
 * The server answered NO: the command was understood and refused. Transient unless the response code says otherwise (RFC 5530).
 * A NO carrying a {@code REFERRAL} code is the subclass {@link ImapReferralException}.
 *
 * @since 0.1
 */
public sealed class ImapNoException extends ImapStatusException permits ImapReferralException {

    private static final long serialVersionUID = 1L;

    private static final Set<String> TRANSIENT_CODES = Set.of("UNAVAILABLE", "INUSE", "LIMIT", "OVERQUOTA",
            "SERVERBUG", "EXPUNGEISSUED");

    ImapNoException(String command, StatusResponse status) {
        super(command, status);
    }

    @Override
    public boolean isTransient() {
        String c = responseCode();
        return c == null || TRANSIENT_CODES.contains(c);
    }
}
