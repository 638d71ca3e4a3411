package io.deepmail.core.interop;

import io.deepmail.core.testkit.LineDecoder;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.transport.ConnectRequest;
import io.deepmail.core.transport.ExchangeEngine;
import io.deepmail.core.transport.ExchangeOptions;
import io.deepmail.core.transport.FifoCorrelator;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.core.transport.MailTransport;
import io.netty.handler.codec.string.StringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One connection to a lab server driven line by line through the core's own pieces: the
 * transport, a {@link LineDecoder}, the FIFO exchange engine and the STARTTLS primitive. Every
 * method returns a publisher; the tests block on it, with a timeout, on the JUnit thread.
 */
final class LineSession {

    private final MailConnection connection;
    private final ExchangeEngine<String, String> engine;
    private final Dialect dialect;
    private final AtomicInteger tags = new AtomicInteger();
    private volatile List<String> greeting = List.of();

    private LineSession(MailConnection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
        connection.addCodec("lines", new LineDecoder())
                .addCodec("text", new StringEncoder(StandardCharsets.US_ASCII));
        this.engine = connection.exchange(FifoCorrelator.instance(), ExchangeOptions.defaults());
    }

    /** Connects (with the handshake, for Implicit TLS), installs the line codec and reads the greeting. */
    static Mono<LineSession> open(MailTransport transport, ConnectRequest request, Dialect dialect) {
        return transport.connect(request).flatMap(connection -> on(connection, dialect));
    }

    /** Installs the line codec on an open connection and reads the greeting. */
    static Mono<LineSession> on(MailConnection connection, Dialect dialect) {
        LineSession session = new LineSession(connection, dialect);
        return session.engine.exchange(Flux.<String>empty(), dialect.isLastOfGreeting()).collectList()
                .map(lines -> {
                    session.greeting = List.copyOf(lines);
                    return session;
                })
                .onErrorResume(e -> connection.close().then(Mono.error(e)));
    }

    MailConnection connection() {
        return connection;
    }

    /** The server's greeting, read by {@link #open}. */
    List<String> greeting() {
        return greeting;
    }

    /** CAPABILITY, CAPA or EHLO; the capabilities listed, failing unless the reply is a success. */
    Mono<List<String>> capabilities() {
        String tag = nextTag();
        return engine.exchange(dialect.capabilityCommand(tag) + "\r\n", dialect.isLastOfList(tag)).collectList()
                .map(reply -> {
                    if (!dialect.isOk(tag, reply.get(reply.size() - 1))) {
                        throw new AssertionError("capability command failed: " + reply);
                    }
                    return dialect.capabilities(reply);
                });
    }

    /** STARTTLS or STLS through the core's primitive; the go-ahead is the protocol's success reply. */
    Mono<SessionSecurity> startTls() {
        String tag = nextTag();
        Predicate<String> isLast = dialect.isLast(tag);
        return connection.startTls(engine, dialect.startTlsCommand(tag) + "\r\n", isLast,
                line -> dialect.isOk(tag, line));
    }

    /** LOGOUT or QUIT, then the close; emits the server's reply. */
    Mono<List<String>> quit() {
        String tag = nextTag();
        return engine.exchange(dialect.quitCommand(tag) + "\r\n", dialect.isLast(tag)).collectList()
                .flatMap(reply -> connection.close().thenReturn(reply));
    }

    /** Closes without a goodbye, for sessions a test abandons. */
    Mono<Void> close() {
        return connection.close();
    }

    private String nextTag() {
        return "a" + tags.incrementAndGet();
    }
}
