package io.deepmail.imap;

import io.deepmail.imap.response.StatusResponse;

/**
 * The server answered NO with a {@code REFERRAL} response code: a login referral (RFC 2221) on
 * LOGIN or AUTHENTICATE, or a mailbox referral (RFC 2193) on SELECT, EXAMINE and other mailbox
 * commands. deepmail never follows a referral: no connection is opened to the URL, and no
 * credential goes there. The URL is reported so that the application can show it, or offer the
 * user to configure that server as a new account, with its own TLS policy.
 *
 * @since 0.1
 */
public final class ImapReferralException extends ImapNoException {

    private static final long serialVersionUID = 1L;

    ImapReferralException(String command, StatusResponse status) {
        super(command, status);
    }

    /**
     * The referral URL as the server wrote it, for example {@code imap://alice@other.example/}.
     * Server-controlled: it is not validated, and must not be opened without the user's consent.
     *
     * @return the URL, empty when the server gave none
     */
    public String url() {
        return responseCodeArgument().strip();
    }

    /**
     * Never transient: asking the same server again gives the same referral.
     *
     * @return {@code false}
     */
    @Override
    public boolean isTransient() {
        return false;
    }
}
