package io.deepmail.examples;

import io.deepmail.core.testkit.LineDecoder;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailClientException;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.ConnectRequest;
import io.deepmail.core.transport.ExchangeEngine;
import io.deepmail.core.transport.ExchangeOptions;
import io.deepmail.core.transport.FifoCorrelator;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.core.transport.MailTransport;
import io.netty.handler.codec.string.StringEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Connects to in-process scripted TLS servers on loopback and prints what protected each session:
 * Implicit TLS, an honest STARTTLS upgrade, and a STARTTLS response-injection attack refused.
 * Everything runs on 127.0.0.1 with a certificate authority generated at start.
 */
public final class SecurityRecordExample {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String HOST = "mail.example.test";

    private SecurityRecordExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     * @throws Exception if a scripted server cannot start
     */
    public static void main(String[] args) throws Exception {
        TestCa ca = TestPki.rsa();
        Credential credential = ca.leaf().dns(HOST).srv("_imaps.example.test").issue();
        MailResources resources = MailResources.create();
        try {
            MailTransport transport = MailTransport.create(resources)
                    .tls(TlsOptions.builder().trustAnchors(TrustAnchors.of(ca.certificate())).build());
            System.out.println("TLS provider: " + transport.tlsProvider());
            implicitTls(transport, credential);
            startTls(transport, credential, "a1 OK Begin TLS negotiation now\r\n", "honest STARTTLS");
            startTls(transport, credential, "a1 OK Begin TLS negotiation now\r\n* BYE forged by an attacker\r\n",
                    "STARTTLS with injected plaintext");
        } finally {
            resources.disposeLater().block(WAIT);
        }
    }

    private static void implicitTls(MailTransport transport, Credential credential) throws Exception {
        Script script = Script.builder().send("* OK [CAPABILITY IMAP4rev2] deepmail example ready\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(credential.key(), credential.chain())
                .implicitTls().script(script).start()) {
            MailConnection connection = transport.connect(request(server, TransportMode.IMPLICIT)).block(WAIT);
            print("Implicit TLS", connection.security().orElseThrow());
            connection.close().block(WAIT);
        }
    }

    private static void startTls(MailTransport transport, Credential credential, String goAhead, String title)
            throws Exception {
        Script script = Script.builder().send("* OK [CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED] ready\r\n")
                .expectLine("a1 STARTTLS").send(goAhead).startTls().awaitClose().build();
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(credential.key(), credential.chain())
                .script(script).start()) {
            transport.connect(request(server, TransportMode.STARTTLS))
                    .flatMap(connection -> upgrade(connection)
                            .flatMap(security -> connection.close().thenReturn(security)))
                    .doOnNext(security -> print(title, security))
                    .onErrorResume(MailClientException.class, e -> {
                        System.out.println();
                        System.out.println("== " + title);
                        System.out.println("refused: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                        return Mono.empty();
                    })
                    .block(WAIT);
        }
    }

    private static Mono<SessionSecurity> upgrade(MailConnection connection) {
        connection.addCodec("lines", new LineDecoder())
                .addCodec("text", new StringEncoder(StandardCharsets.US_ASCII));
        ExchangeEngine<String, String> engine = connection.exchange(FifoCorrelator.instance(),
                ExchangeOptions.defaults());
        return engine.exchange(Flux.<String>empty(), line -> true)
                .then(connection.startTls(engine, "a1 STARTTLS\r\n", line -> line.startsWith("a1 "),
                        line -> line.startsWith("a1 OK")));
    }

    private static ConnectRequest request(ScriptedTlsServer server, TransportMode mode) {
        return ConnectRequest.manual(new Endpoint(MailProtocol.IMAP, HOST, server.port(), mode))
                .withAddress(server.address());
    }

    private static void print(String title, SessionSecurity security) {
        System.out.println();
        System.out.println("== " + title);
        System.out.println(security.logLine());
        System.out.println("  version        " + security.tlsVersion());
        System.out.println("  cipher         " + security.cipherSuite());
        System.out.println("  tags           " + security.tags());
        System.out.println("  level          " + security.level().value() + " (" + security.level() + ")");
        System.out.println("  authentication " + security.authentication());
        System.out.println("  mode           " + security.endpoint().mode());
        System.out.println("  provider       " + security.provider());
        System.out.println("  peer           " + security.peerChain().get(0).getSubjectX500Principal());
        System.out.println("  discovery      " + security.discoveryTrust());
    }
}
