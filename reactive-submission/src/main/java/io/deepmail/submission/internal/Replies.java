package io.deepmail.submission.internal;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.submission.SmtpReply;
import io.deepmail.submission.SmtpReplyException;
import io.deepmail.submission.internal.codec.SmtpResponse;

/** Maps decoded replies to API replies and errors: the module's one exception factory. */
final class Replies {

    private Replies() {
    }

    static SmtpReply reply(SmtpResponse response) {
        return new SmtpReply(response.code(), response.enhancedStatus(), response.lines());
    }

    /** The error for a reply that is not what {@code command} needed. */
    static RuntimeException failure(String command, SmtpResponse response) {
        if (response.code() / 100 == 4 || response.code() / 100 == 5) {
            return new SmtpReplyException(command, reply(response));
        }
        return new ProtocolViolationException("unexpected reply to " + command + ": " + response);
    }

    /** Passes a 2xx reply, fails otherwise. */
    static SmtpResponse expectOk(String command, SmtpResponse response) {
        if (!response.isPositiveCompletion()) {
            throw failure(command, response);
        }
        return response;
    }
}
