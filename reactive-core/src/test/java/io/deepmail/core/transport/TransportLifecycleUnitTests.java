package io.deepmail.core.transport;

import static io.deepmail.core.transport.TransportFixture.WAIT;
import static io.deepmail.core.transport.TransportFixture.request;
import static io.deepmail.core.transport.TransportFixture.transport;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.ConnectionException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsProviderPreference;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/** Cancellation, finite timeouts, connect failures and SNI. */
class TransportLifecycleUnitTests {

    private static final TestCa CA = TestPki.rsa();
    private static final Credential SERVER = CA.leaf().dns(TransportFixture.HOST).ip("127.0.0.1").issue();
    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    static List<TlsProviderPreference> providers() {
        return TransportFixture.providers();
    }

    /** A TCP server that accepts and never answers the ClientHello. */
    private static ScriptedTlsServer silentServer() throws Exception {
        return ScriptedTlsServer.builder().credential(SERVER.key(), SERVER.chain())
                .script(Script.builder().timeout(Duration.ofSeconds(30)).awaitClose().build()).start();
    }

    @Test
    @DisplayName("cancelling a connect during the handshake closes the channel")
    void cancelClosesChannel() throws Exception {
        try (ScriptedTlsServer server = silentServer()) {
            Disposable subscription = transport(RESOURCES.get(), CA, TlsProviderPreference.AUTO)
                    .connect(request(server, TransportMode.IMPLICIT)).subscribe(c -> { }, e -> { });
            ScriptedConnection seen = server.awaitConnection(0, WAIT);
            assertThat(seen.isClosed()).isFalse();
            subscription.dispose();
            seen.awaitClosed(WAIT);
            assertThat(seen.isClosed()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("a handshake that never completes fails with MailTimeoutException after the configured timeout")
    void handshakeTimeout(TlsProviderPreference provider) throws Exception {
        try (ScriptedTlsServer server = silentServer()) {
            MailTransport transport = transport(RESOURCES.get(), CA, provider)
                    .timeouts(TimeoutOptions.builder().handshake(Duration.ofMillis(300)).build());
            transport.connect(request(server, TransportMode.IMPLICIT))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MailTimeoutException.class)
                            .satisfies(t -> assertThat(((MailTimeoutException) t).timeout())
                                    .isEqualTo(Duration.ofMillis(300))))
                    .verify(WAIT);
            server.awaitConnection(0, WAIT).awaitClosed(WAIT);
        }
    }

    @Test
    @DisplayName("a refused TCP connect fails with a transient ConnectionException")
    void connectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Endpoint endpoint = new Endpoint(MailProtocol.IMAP, TransportFixture.HOST, port, TransportMode.IMPLICIT);
        transport(RESOURCES.get(), CA, TlsProviderPreference.AUTO)
                .connect(ConnectRequest.manual(endpoint).withAddress(new InetSocketAddress("127.0.0.1", port)))
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConnectionException.class)
                        .satisfies(t -> assertThat(((ConnectionException) t).isTransient()).isTrue()))
                .verify(WAIT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("ID-09: SNI carries the host name, and no SNI is sent when the host is an IP literal")
    void sni(TlsProviderPreference provider) throws Exception {
        Script script = Script.builder().awaitClose().build();
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(SERVER.key(), SERVER.chain())
                .implicitTls().scripts(i -> script).start()) {
            MailTransport transport = transport(RESOURCES.get(), CA, provider);
            transport.connect(request(server, TransportMode.IMPLICIT)).flatMap(MailConnection::close)
                    .block(WAIT);
            Endpoint literal = new Endpoint(MailProtocol.IMAP, "127.0.0.1", server.port(), TransportMode.IMPLICIT);
            transport.connect(ConnectRequest.manual(literal).withAddress(server.address()))
                    .flatMap(MailConnection::close).block(WAIT);
            assertThat(server.awaitConnection(0, WAIT).sniHostName()).isEqualTo(TransportFixture.HOST);
            assertThat(server.awaitConnection(1, WAIT).sniHostName()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("ID-01: a resumed TLS session is verified again, so resumption never skips the identity check")
    void resumedSessionIsVerified(TlsProviderPreference provider) throws Exception {
        Script script = Script.builder().awaitClose().build();
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(SERVER.key(), SERVER.chain())
                .implicitTls().protocols("TLSv1.2").scripts(i -> script).start()) {
            MailTransport transport = transport(RESOURCES.get(), CA, provider);
            for (int i = 0; i < 2; i++) {
                transport.connect(request(server, TransportMode.IMPLICIT)).flatMap(MailConnection::close).block(WAIT);
            }
            ConnectRequest wrongIdentity = new ConnectRequest(request(server, TransportMode.IMPLICIT).endpoint(),
                    io.deepmail.core.tls.ReferenceIdentifiers.of(new io.deepmail.core.tls.DnsId("wrong.example.test")),
                    io.deepmail.core.security.DiscoveryTrust.MANUAL, server.address());
            transport.connect(wrongIdentity)
                    .as(StepVerifier::create)
                    .expectError(io.deepmail.core.CertificateIdentityException.class)
                    .verify(WAIT);
        }
    }

    @Test
    @DisplayName("a server silent past the read-idle timeout fails the awaited exchange with MailTimeoutException")
    void readIdleTimeout() throws Exception {
        try (ScriptedTlsServer server = silentServer()) {
            MailTransport transport = transport(RESOURCES.get(), CA, TlsProviderPreference.AUTO)
                    .timeouts(TimeoutOptions.builder().readIdle(Duration.ofMillis(300)).build());
            transport.connect(request(server, TransportMode.STARTTLS))
                    .flatMap(connection -> {
                        connection.addCodec("lines", new TestLineDecoder());
                        ExchangeEngine<String, String> engine = connection.exchange(FifoCorrelator.instance());
                        return engine.exchange(reactor.core.publisher.Flux.<String>empty(), l -> true).then();
                    })
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MailTimeoutException.class)
                            .satisfies(t -> assertThat(((MailTimeoutException) t).timeout())
                                    .isEqualTo(Duration.ofMillis(300))))
                    .verify(WAIT);
        }
    }
}
