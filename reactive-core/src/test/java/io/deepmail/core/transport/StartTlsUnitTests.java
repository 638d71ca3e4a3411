package io.deepmail.core.transport;

import static io.deepmail.core.transport.TransportFixture.WAIT;
import static io.deepmail.core.transport.TransportFixture.request;
import static io.deepmail.core.transport.TransportFixture.transport;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.StartTlsInjectionException;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsProviderPreference;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The STARTTLS primitive against hostile and honest scripted servers (TLS-09..12, TLS-15). */
class StartTlsUnitTests {

    private static final TestCa CA = TestPki.rsa();
    private static final Credential SERVER = CA.leaf().dns(TransportFixture.HOST).issue();
    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    static List<TlsProviderPreference> providers() {
        return TransportFixture.providers();
    }

    private static ScriptedTlsServer server(Script script) throws Exception {
        return ScriptedTlsServer.builder().credential(SERVER.key(), SERVER.chain()).script(script).start();
    }

    /** What one STARTTLS session produced: its security record and the reply lines read inside TLS. */
    private record Upgraded(SessionSecurity security, List<String> linesInsideTls) {
    }

    /** Greeting, STARTTLS, then (if it succeeds) one command inside TLS, then close. */
    private static Mono<Upgraded> session(MailTransport transport, ScriptedTlsServer server) {
        return transport.connect(request(server, TransportMode.STARTTLS)).flatMap(connection -> {
            ExchangeEngine<String, String> engine = TransportFixture.lineEngine(connection);
            return engine.exchange(Flux.<String>empty(), l -> true)
                    .then(connection.startTls(engine, "a1 STARTTLS\r\n", l -> l.startsWith("a1 "),
                            l -> l.startsWith("a1 OK")))
                    .flatMap(security -> engine.exchange("a2 CAPABILITY\r\n", l -> l.startsWith("a2 "))
                            .collectList()
                            .map(lines -> new Upgraded(security, lines)))
                    .flatMap(upgraded -> connection.close().thenReturn(upgraded));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("TLS-09/TLS-10/TLS-12: only STARTTLS crosses in cleartext, and the session continues inside TLS")
    void upgradeSucceeds(TlsProviderPreference provider) throws Exception {
        Script script = Script.builder().send("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n")
                .expectLine("a1 STARTTLS").send("a1 OK begin TLS\r\n").startTls()
                .expectLine("a2 CAPABILITY").send("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\na2 OK done\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = server(script)) {
            Upgraded upgraded = session(transport(RESOURCES.get(), CA, provider), server).block(WAIT);
            assertThat(upgraded.linesInsideTls()).containsExactly("* CAPABILITY IMAP4rev1 AUTH=PLAIN", "a2 OK done");
            ScriptedConnection seen = server.awaitScriptDone(WAIT);
            assertThat(seen.cleartextReceivedText()).isEqualTo("a1 STARTTLS\r\n");
            assertThat(seen.tlsReceivedText()).isEqualTo("a2 CAPABILITY\r\n");
            assertThat(upgraded.security().tags()).contains(SecurityTag.TLS, SecurityTag.CERT_PKIX)
                    .doesNotContain(SecurityTag.IMPLICIT);
            assertThat(upgraded.security().tlsVersion()).isEqualTo(seen.protocol());
            assertThat(upgraded.security().cipherSuite()).isEqualTo(seen.cipherSuite());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("TLS-11: forged lines in the same segment as the go-ahead abort the connection")
    void injectionInSameSegment(TlsProviderPreference provider) throws Exception {
        Script script = Script.builder().send("* OK ready\r\n").expectLine("a1 STARTTLS")
                .send("a1 OK begin TLS\r\n* BYE forged\r\na2 OK forged\r\n").awaitClose().build();
        try (ScriptedTlsServer server = server(script)) {
            session(transport(RESOURCES.get(), CA, provider), server)
                    .as(StepVerifier::create)
                    .expectError(StartTlsInjectionException.class)
                    .verify(WAIT);
            ScriptedConnection seen = server.awaitConnection(0, WAIT);
            seen.awaitClosed(WAIT);
            assertThat(seen.cleartextReceivedText()).isEqualTo("a1 STARTTLS\r\n");
            assertThat(seen.tlsStarted()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("TLS-11: forged bytes in a separate segment before the ClientHello abort the connection")
    void injectionInSeparateSegment(TlsProviderPreference provider) throws Exception {
        Script script = Script.builder().send("* OK ready\r\n").expectLine("a1 STARTTLS")
                .sendThenInject("a1 OK begin TLS\r\n", "* BYE forged\r\n").awaitClose().build();
        try (ScriptedTlsServer server = server(script)) {
            session(transport(RESOURCES.get(), CA, provider), server)
                    .as(StepVerifier::create)
                    .expectError(StartTlsInjectionException.class)
                    .verify(WAIT);
            ScriptedConnection seen = server.awaitConnection(0, WAIT);
            seen.awaitClosed(WAIT);
            assertThat(seen.tlsReceived()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("TLS-15: a refused STARTTLS fails typed and nothing else is sent in cleartext")
    void refusedStartTls(TlsProviderPreference provider) throws Exception {
        Script script = Script.builder().send("* OK ready\r\n").expectLine("a1 STARTTLS")
                .send("a1 NO not today\r\n").awaitClose().build();
        try (ScriptedTlsServer server = server(script)) {
            session(transport(RESOURCES.get(), CA, provider), server)
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(StartTlsUnavailableException.class)
                            .hasMessageContaining("a1 NO not today"))
                    .verify(WAIT);
            ScriptedConnection seen = server.awaitScriptDone(WAIT);
            assertThat(seen.cleartextReceivedText()).isEqualTo("a1 STARTTLS\r\n");
        }
    }
}
