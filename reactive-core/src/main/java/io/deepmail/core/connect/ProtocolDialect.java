package io.deepmail.core.connect;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.transport.MailConnection;
import reactor.core.publisher.Mono;

/**
 * What a protocol module plugs into the race: how to bring a fresh connection to an established,
 * not yet authenticated session. For a STARTTLS endpoint that means the greeting, the capability
 * query, a check that STARTTLS is offered (else {@link io.deepmail.core.StartTlsUnavailableException}),
 * {@link MailConnection#startTls}, and the capabilities read again inside TLS (TLS-12). A session
 * counts as a win only once this completes.
 *
 * @param <S> the protocol's established-session type
 * @since 0.1
 */
public interface ProtocolDialect<S> {

    /**
     * The protocol spoken.
     *
     * @return the protocol
     */
    MailProtocol protocol();

    /**
     * Establishes the session on a new connection. Must send no credential.
     *
     * @param connection the connection, TLS already up for Implicit TLS
     * @return the session, once greeting and capabilities are read (and STARTTLS done)
     */
    Mono<S> establish(MailConnection connection);

    /**
     * The connection under a session, to check its security and to close it.
     *
     * @param session the session
     * @return its connection
     */
    MailConnection connection(S session);
}
