package io.deepmail.core.transport;

import io.deepmail.core.testkit.LineDecoder;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TlsProviderPreference;
import io.deepmail.core.tls.TrustAnchors;
import io.netty.handler.codec.string.StringEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;

/** Shared set-up for transport tests against the scripted TLS server. */
final class TransportFixture {

    static final String HOST = "mail.example.test";
    static final Duration WAIT = Duration.ofSeconds(10);

    private TransportFixture() {
    }

    static MailTransport transport(MailResources resources, TestCa ca, TlsProviderPreference provider) {
        return MailTransport.create(resources).tls(options(ca, provider).build());
    }

    static TlsOptions.Builder options(TestCa ca, TlsProviderPreference provider) {
        return TlsOptions.builder().trustAnchors(TrustAnchors.of(ca.certificate())).provider(provider);
    }

    static ConnectRequest request(ScriptedTlsServer server, TransportMode mode) {
        return ConnectRequest.manual(new Endpoint(MailProtocol.IMAP, HOST, server.port(), mode))
                .withAddress(server.address());
    }

    static List<TlsProviderPreference> providers() {
        return List.of(TlsProviderPreference.JDK, TlsProviderPreference.BORINGSSL);
    }

    /** Adds the test line codec and a FIFO engine, and reads the greeting. */
    static ExchangeEngine<String, String> lineEngine(MailConnection connection) {
        connection.addCodec("lines", new LineDecoder())
                .addCodec("strings", new StringEncoder(StandardCharsets.US_ASCII));
        ExchangeEngine<String, String> engine = connection.exchange(FifoCorrelator.instance(), ExchangeOptions.defaults());
        return engine;
    }

    static String greeting(ExchangeEngine<String, String> engine) {
        return engine.exchange(Flux.<String>empty(), line -> true).blockLast(WAIT);
    }
}
