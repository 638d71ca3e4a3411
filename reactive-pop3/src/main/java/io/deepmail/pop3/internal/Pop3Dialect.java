package io.deepmail.pop3.internal;

import io.deepmail.core.Account;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.SessionObserver;
import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.ProtocolDialect;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.pop3.Pop3Capabilities;
import io.deepmail.pop3.Pop3ClientOptions;
import io.deepmail.pop3.Pop3States;
import io.deepmail.pop3.response.Ok;
import reactor.core.publisher.Mono;

/**
 * POP3 as the connector races it: greeting, {@code CAPA}, and on an STLS endpoint {@code STLS}
 * then {@code CAPA} again, the pre-TLS answer discarded (TLS-12). Sends no credential.
 */
public final class Pop3Dialect implements ProtocolDialect<DefaultPop3Session> {

    private final Account account;
    private final Pop3ClientOptions options;
    private final MailClientMetricsRecorder metrics;
    private final SessionObserver observer;

    /**
     * A dialect for one connect.
     *
     * @param account the account the session will authenticate
     * @param options the POP3 options
     * @param metrics the recorder every command is measured for
     * @param observer the observer told of the POP3 states ({@link Pop3States})
     */
    public Pop3Dialect(Account account, Pop3ClientOptions options, MailClientMetricsRecorder metrics,
            SessionObserver observer) {
        this.account = account;
        this.options = options;
        this.metrics = metrics;
        this.observer = observer;
    }

    @Override
    public MailProtocol protocol() {
        return MailProtocol.POP3;
    }

    @Override
    public Mono<DefaultPop3Session> establish(MailConnection connection) {
        return Mono.defer(() -> {
            Pop3Channel channel = Pop3Channel.install(connection, options, metrics);
            return GreetingFlow.read(channel).flatMap(greeting -> CapaFlow.read(channel).flatMap(caps -> {
                if (connection.endpoint().mode() != TransportMode.STARTTLS) {
                    return Mono.just(session(channel, greeting, caps));
                }
                return StlsFlow.upgrade(channel, caps).then(CapaFlow.read(channel))
                        .map(tlsCaps -> session(channel, greeting, tlsCaps));
            }));
        });
    }

    private DefaultPop3Session session(Pop3Channel channel, Ok greeting, Pop3Capabilities capabilities) {
        channel.pipelining(options.pipelining() && capabilities.pipelining());
        observer.onStateChange(channel.connection().endpoint(), Pop3States.AUTHORIZATION);
        return new DefaultPop3Session(channel, account, greeting, capabilities, observer);
    }

    @Override
    public MailConnection connection(DefaultPop3Session session) {
        return session.connection();
    }
}
