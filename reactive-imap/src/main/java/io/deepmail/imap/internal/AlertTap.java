package io.deepmail.imap.internal;

import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.imap.response.ImapResponse;
import io.deepmail.imap.response.ResponseCode;
import io.deepmail.imap.response.StatusResponse;
import io.deepmail.imap.response.Tagged;
import io.deepmail.imap.response.UntaggedStatus;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Sees every response the {@link TagCorrelator} routes and keeps the text of each {@code [ALERT]}
 * that arrives while the connection is inside TLS. An ALERT from the cleartext phase of a STARTTLS
 * connection is not the authenticated server's word and is dropped (TLS-13, RFC 9051 §11.3).
 */
final class AlertTap implements Consumer<ImapResponse> {

    /** How many alert texts a late subscriber gets replayed. */
    static final int KEPT = 16;

    private final MailConnection connection;
    private final Sinks.Many<String> alerts = Sinks.many().replay().limit(KEPT);

    AlertTap(MailConnection connection) {
        this.connection = connection;
    }

    @Override
    public void accept(ImapResponse response) {
        StatusResponse status;
        if (response instanceof Tagged t) {
            status = t.status();
        } else if (response instanceof UntaggedStatus u) {
            status = u.status();
        } else {
            return;
        }
        if (status.hasCode(ResponseCode.ALERT)
                && connection.security().filter(s -> s.has(SecurityTag.TLS)).isPresent()) {
            alerts.tryEmitNext(status.text());
        }
    }

    Flux<String> alerts() {
        return alerts.asFlux();
    }

    void complete() {
        alerts.tryEmitComplete();
    }
}
