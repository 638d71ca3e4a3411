package io.deepmail.core.connect;

import io.deepmail.core.testkit.LineDecoder;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.transport.ExchangeEngine;
import io.deepmail.core.transport.ExchangeOptions;
import io.deepmail.core.transport.FifoCorrelator;
import io.deepmail.core.transport.MailConnection;
import io.netty.handler.codec.string.StringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A minimal IMAP-like dialect for connector tests: greeting, CAPABILITY, STARTTLS, CAPABILITY again. */
final class TestDialect implements ProtocolDialect<TestDialect.Session> {

    /** An established test session. */
    record Session(MailConnection connection, ExchangeEngine<String, String> engine, List<String> capabilities) {
    }

    @Override
    public MailProtocol protocol() {
        return MailProtocol.IMAP;
    }

    @Override
    public Mono<Session> establish(MailConnection connection) {
        connection.addCodec("lines", new LineDecoder()).addCodec("text", new StringEncoder(StandardCharsets.US_ASCII));
        ExchangeEngine<String, String> engine = connection.exchange(FifoCorrelator.instance(),
                ExchangeOptions.defaults());
        Mono<List<String>> greetingAndCaps = engine.exchange(Flux.<String>empty(), l -> true)
                .then(capabilities(engine, "a1"));
        if (connection.endpoint().mode() != TransportMode.STARTTLS) {
            return greetingAndCaps.map(caps -> new Session(connection, engine, caps));
        }
        return greetingAndCaps.flatMap(caps -> caps.stream().anyMatch(c -> c.contains("STARTTLS"))
                        ? connection.startTls(engine, "a2 STARTTLS\r\n", l -> l.startsWith("a2 "),
                                l -> l.startsWith("a2 OK"))
                        : Mono.error(new StartTlsUnavailableException("STARTTLS not advertised")))
                .then(capabilities(engine, "a3"))
                .map(caps -> new Session(connection, engine, caps));
    }

    private static Mono<List<String>> capabilities(ExchangeEngine<String, String> engine, String tag) {
        return engine.exchange(tag + " CAPABILITY\r\n", l -> l.startsWith(tag + " ")).collectList();
    }

    @Override
    public MailConnection connection(Session session) {
        return session.connection();
    }
}
