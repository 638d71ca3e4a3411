package io.deepmail.pop3;

import io.deepmail.core.security.SessionSecurity;
import io.deepmail.pop3.response.Ok;
import io.netty.buffer.ByteBuf;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One POP3 session, established by {@link Pop3Client}: TLS up (or a consented cleartext endpoint),
 * identity and latches checked, capabilities read after TLS, in the AUTHORIZATION state until
 * {@link #authenticate()}. Methods may be called from any thread; nothing happens until the
 * returned publisher is subscribed to, and commands reach the wire in subscription order,
 * pipelined when the server offers {@code PIPELINING}. A {@code -ERR} answer is a
 * {@link Pop3ErrException}; malformed server data a {@link io.deepmail.core.ProtocolViolationException},
 * after which the session is closed.
 *
 * @since 0.1
 */
public interface Pop3Session {

    /**
     * What protects the session.
     *
     * @return the security record
     */
    SessionSecurity security();

    /**
     * The server's greeting.
     *
     * @return the greeting line
     */
    Ok greeting();

    /**
     * The capabilities read on the protected connection (never those read before STLS, TLS-12).
     *
     * @return the capabilities
     */
    Pop3Capabilities capabilities();

    /**
     * Authenticates with the account's credentials, choosing the method with
     * {@link Pop3AuthMethod#AUTO}.
     *
     * @return completes once the server accepted the credentials
     */
    default Mono<Void> authenticate() {
        return authenticate(Pop3AuthMethod.AUTO);
    }

    /**
     * Authenticates with the account's credentials. The credentials provider is subscribed to only
     * now, and a method that would expose a password on a cleartext session without the account's
     * consent fails with {@link io.deepmail.core.TlsRequiredException} before it is asked.
     *
     * @param method the method
     * @return completes once the server accepted the credentials
     */
    Mono<Void> authenticate(Pop3AuthMethod method);

    /**
     * {@code STAT}.
     *
     * @return the message count and total size
     */
    Mono<Pop3Stat> stat();

    /**
     * {@code LIST}.
     *
     * @return every message's number and size
     */
    Mono<List<Pop3ListEntry>> list();

    /**
     * {@code LIST n}.
     *
     * @param message the message number
     * @return that message's size
     */
    Mono<Pop3ListEntry> list(int message);

    /**
     * {@code UIDL}.
     *
     * @return every message's number and unique id
     */
    Mono<List<Pop3UidlEntry>> uidl();

    /**
     * {@code UIDL n}.
     *
     * @param message the message number
     * @return that message's unique id
     */
    Mono<Pop3UidlEntry> uidl(int message);

    /**
     * {@code RETR n}: the message streamed as dot-unstuffed chunks with CRLF line ends, never held
     * whole. <b>Every emitted buffer belongs to the subscriber, which must release it.</b> Reading
     * follows demand; cancelling drains the rest of the message from the wire (and releases it),
     * so the next command works.
     *
     * @param message the message number
     * @return the message's octets
     */
    Flux<ByteBuf> retr(int message);

    /**
     * {@code TOP n lines}: the header, the blank line and the first body lines, streamed like
     * {@link #retr(int)}; every emitted buffer must be released by the subscriber.
     *
     * @param message the message number
     * @param lines how many body lines
     * @return the octets
     */
    Flux<ByteBuf> top(int message, int lines);

    /**
     * {@code DELE n}: marks a message deleted; it is removed at {@link #quit()}.
     *
     * @param message the message number
     * @return completes when marked
     */
    Mono<Void> dele(int message);

    /**
     * {@code RSET}: unmarks every message marked deleted.
     *
     * @return completes when done
     */
    Mono<Void> rset();

    /**
     * {@code NOOP}.
     *
     * @return completes when the server answered
     */
    Mono<Void> noop();

    /**
     * {@code QUIT}: the server removes the messages marked deleted (UPDATE state); then the
     * connection is closed with a TLS close_notify.
     *
     * @return completes once the connection is closed
     */
    Mono<Void> quit();

    /**
     * Closes the connection without {@code QUIT}: messages marked deleted stay.
     *
     * @return completes once the connection is closed
     */
    Mono<Void> close();
}
