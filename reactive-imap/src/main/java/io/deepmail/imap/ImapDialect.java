package io.deepmail.imap;

import io.deepmail.core.Account;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.ProtocolDialect;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.transport.ExchangeOptions;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.imap.internal.ImapChannel;
import io.deepmail.imap.internal.codec.DecoderLimits;
import io.deepmail.imap.response.ResponseCode;
import io.deepmail.imap.response.StatusResponse;
import reactor.core.publisher.Mono;

/**
 * How the connector brings an IMAP connection to an established, not yet authenticated session:
 * greeting (BYE fails; PREAUTH is refused, TLS-17), CAPABILITY, and on a STARTTLS endpoint the
 * upgrade through the core primitive and CAPABILITY again (TLS-12). Before TLS only CAPABILITY and
 * STARTTLS are sent (TLS-09); every other response, response code and ALERT is dropped (TLS-13).
 */
final class ImapDialect implements ProtocolDialect<DefaultImapSession> {

    private final Account account;
    private final ImapClientOptions options;
    private final MailClientMetricsRecorder metrics;

    ImapDialect(Account account, ImapClientOptions options, MailClientMetricsRecorder metrics) {
        this.account = account;
        this.options = options;
        this.metrics = metrics;
    }

    @Override
    public MailProtocol protocol() {
        return MailProtocol.IMAP;
    }

    @Override
    public MailConnection connection(DefaultImapSession session) {
        return session.channel().connection();
    }

    @Override
    public Mono<DefaultImapSession> establish(MailConnection connection) {
        ImapChannel channel = ImapChannel.install(connection, new DecoderLimits(options.maxLineLength(),
                        options.maxLiteralSize(), Long.MAX_VALUE, options.maxResponseSize(), options.maxNesting()),
                ExchangeOptions.builder().pipelining(options.pipelining()).responseTimeout(options.responseTimeout())
                        .build(), metrics, ExceptionFactory::failed);
        boolean startTls = connection.endpoint().mode() == TransportMode.STARTTLS;
        return channel.greeting().flatMap(greeting -> {
            StatusResponse status = greeting.status();
            if (status.kind() == StatusResponse.Kind.BYE) {
                return Mono.error(ExceptionFactory.failed("greeting", status));
            }
            if (status.kind() == StatusResponse.Kind.NO || status.kind() == StatusResponse.Kind.BAD) {
                return Mono.error(new ProtocolViolationException("the server greeted with " + status.kind()
                        + " instead of OK, PREAUTH or BYE"));
            }
            if (status.kind() == StatusResponse.Kind.PREAUTH) {
                String why = "the server greeted with PREAUTH, authenticating the connection without the client's "
                        + "credentials; refused (TLS-17)";
                return Mono.error(startTls ? new StartTlsUnavailableException(why) : new TlsPolicyException(why, null));
            }
            if (!startTls && greeting.status().hasCode(ResponseCode.CAPABILITY)) {
                channel.capabilities(greeting.status().code().words());
                return Mono.just(channel);
            }
            return DefaultImapSession.capability(channel).thenReturn(channel);
        }).flatMap(ch -> startTls ? upgrade(ch) : Mono.just(ch))
                .flatMap(ImapDialect::revision)
                .map(ch -> new DefaultImapSession(ch, account, options));
    }

    /** Refuses a server that announces neither IMAP4rev1 nor IMAP4rev2 inside TLS: the client speaks no older dialect. */
    private static Mono<ImapChannel> revision(ImapChannel channel) {
        if (channel.capabilities().contains("IMAP4REV1") || channel.capabilities().contains("IMAP4REV2")) {
            return Mono.just(channel);
        }
        return Mono.error(new ProtocolViolationException(channel.connection().endpoint()
                + " announces neither IMAP4rev1 nor IMAP4rev2; refused before authentication"));
    }

    private static Mono<ImapChannel> upgrade(ImapChannel channel) {
        if (!channel.capabilities().contains("STARTTLS")) {
            return Mono.error(new StartTlsUnavailableException(channel.connection().endpoint()
                    + " does not offer STARTTLS; the TLS policy does not allow cleartext (TLS-15)"));
        }
        return channel.startTls().then(DefaultImapSession.capability(channel)).thenReturn(channel);
    }
}
