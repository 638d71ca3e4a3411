package io.deepmail.imap;

import io.deepmail.imap.response.ResponseCode;
import io.deepmail.imap.response.StatusResponse;

/** The one place where IMAP status responses become exceptions (STYLE §2.7). */
final class ExceptionFactory {

    private ExceptionFactory() {
    }

    static ImapStatusException failed(String command, StatusResponse status) {
        return switch (status.kind()) {
            case BAD -> new ImapBadException(command, status);
            case BYE -> new ImapByeException(command, status);
            default -> status.hasCode(ResponseCode.REFERRAL) ? new ImapReferralException(command, status)
                    : new ImapNoException(command, status);
        };
    }
}
