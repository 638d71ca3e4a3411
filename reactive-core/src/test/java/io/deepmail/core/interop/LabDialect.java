package io.deepmail.core.interop;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.ProtocolDialect;
import io.deepmail.core.transport.MailConnection;
import reactor.core.publisher.Mono;

/**
 * The test line dialogues as a {@link ProtocolDialect}, so the connector can race the lab's real
 * servers: greeting, capabilities, and for STARTTLS endpoints the upgrade and capabilities again.
 */
final class LabDialect implements ProtocolDialect<LineSession> {

    private final Dialect dialect;

    LabDialect(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public MailProtocol protocol() {
        return dialect.protocol();
    }

    @Override
    public Mono<LineSession> establish(MailConnection connection) {
        return LineSession.on(connection, dialect).flatMap(session -> session.capabilities().flatMap(caps -> {
            if (connection.endpoint().mode() != TransportMode.STARTTLS) {
                return Mono.just(session);
            }
            if (!caps.contains(dialect.startTlsCapability())) {
                return Mono.error(new StartTlsUnavailableException(connection.endpoint() + " does not offer "
                        + dialect.startTlsCapability()));
            }
            return session.startTls().then(session.capabilities()).thenReturn(session);
        }));
    }

    @Override
    public MailConnection connection(LineSession session) {
        return session.connection();
    }
}
