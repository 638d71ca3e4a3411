package io.deepmail.probe.internal;

import io.deepmail.core.Account;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.connect.ProtocolDialect;
import io.deepmail.core.transport.MailTransport;
import io.deepmail.imap.ImapClient;
import io.deepmail.pop3.Pop3Client;
import io.deepmail.submission.SubmissionClient;

/** Each protocol client's own establishment steps (greeting, capabilities, STARTTLS), on one transport. */
final class Dialects {

    private final ProtocolDialect<?> imap;
    private final ProtocolDialect<?> pop3;
    private final ProtocolDialect<?> submission;

    Dialects(MailTransport transport, Account account) {
        this.imap = ImapClient.create(transport).dialect(account);
        this.pop3 = Pop3Client.create(transport).dialect(account);
        this.submission = SubmissionClient.create(transport).dialect(account);
    }

    ProtocolDialect<?> of(MailProtocol protocol) {
        return switch (protocol) {
            case IMAP -> imap;
            case POP3 -> pop3;
            case SUBMISSION -> submission;
        };
    }
}
