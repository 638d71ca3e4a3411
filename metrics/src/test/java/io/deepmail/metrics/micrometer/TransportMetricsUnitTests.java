package io.deepmail.metrics.micrometer;

import static io.deepmail.metrics.micrometer.Fixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.ConnectionException;
import io.deepmail.core.DaneVerificationException;
import io.deepmail.core.DnssecBogusException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.testkit.Tlsa;
import io.deepmail.core.transport.ConnectRequest;
import io.deepmail.core.transport.ExchangeEngine;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.core.transport.MailTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Real connections through {@link MailTransport} to scripted TLS servers on loopback create exactly
 * the documented meters, tagged with what the server really negotiated.
 */
class TransportMetricsUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMailClientMetricsRecorder recorder = MicrometerMailClientMetricsRecorder.create(registry);
    private final MailTransport transport = Fixture.transport(RESOURCES.get(), recorder);

    private static ScriptedTlsServer implicitServer(Credential credential, String protocol) throws Exception {
        return ScriptedTlsServer.builder().credential(credential.key(), credential.chain()).implicitTls()
                .protocols(protocol).script(noop()).start();
    }

    private static Script noop() {
        return Script.builder().send("* OK ready\r\n").expectLine("a1 NOOP").send("a1 OK\r\n").awaitClose().build();
    }

    /** Connects, reads the greeting, sends NOOP, closes. */
    private Mono<String> session(ConnectRequest request) {
        return transport.connect(request).flatMap(connection -> {
            ExchangeEngine<String, String> engine = Fixture.lineEngine(connection);
            return Fixture.greeting(engine).then(engine.exchange("a1 NOOP\r\n", l -> l.startsWith("a1 ")).last())
                    .flatMap(reply -> connection.close().thenReturn(reply));
        });
    }

    private double openSessions() {
        var gauge = registry.find(MailMeterNames.SESSIONS_OPEN).tag("protocol", "imap").gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    @DisplayName("Implicit TLS: exactly the documented meters, with the version and cipher the server negotiated")
    void implicitTls(String version) throws Exception {
        try (ScriptedTlsServer server = implicitServer(Fixture.Pki.SERVER, version)) {
            session(Fixture.request(server, TransportMode.IMPLICIT)).as(StepVerifier::create).expectNext("a1 OK")
                    .expectComplete().verify(WAIT);
            ScriptedConnection seen = server.awaitScriptDone(WAIT);
            Fixture.await("the session to close", () -> openSessions() == 0);
            assertThat(seen.protocol()).isEqualTo(version);
            assertThat(Fixture.meters(registry)).containsExactly(
                    "mail.client.connect.duration{mode=implicit,outcome=success,protocol=imap}",
                    "mail.client.connections{auth.method=pkix,cipher=" + seen.cipherSuite() + ",level=1,mode=implicit,"
                            + "outcome=established,protocol=imap,tls.version=" + version + "}",
                    "mail.client.security.tags{mode=implicit,protocol=imap,tag=cert_pkix}",
                    "mail.client.security.tags{mode=implicit,protocol=imap,tag=implicit}",
                    "mail.client.security.tags{mode=implicit,protocol=imap,tag=pfs}",
                    "mail.client.security.tags{mode=implicit,protocol=imap,tag=tls}",
                    "mail.client.session.states{protocol=imap,state=connected}",
                    "mail.client.session.states{protocol=imap,state=disconnected}",
                    "mail.client.session.states{protocol=imap,state=tls_established}",
                    "mail.client.sessions.open{protocol=imap}",
                    "mail.client.tls.handshake.duration{mode=implicit,outcome=success,protocol=imap}");
            assertThat(registry.get(MailMeterNames.TLS_HANDSHAKE_DURATION).timer().count()).isEqualTo(1);
            assertThat(registry.get(MailMeterNames.CONNECTIONS).counter().count()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("STARTTLS: mode starttls, no IMPLICIT tag, and the gauge counts the session while it is open")
    void startTls() throws Exception {
        Script script = Script.builder().send("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n")
                .expectLine("a1 STARTTLS").send("a1 OK begin TLS\r\n").startTls().awaitClose().build();
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(Fixture.Pki.SERVER.key(),
                Fixture.Pki.SERVER.chain()).script(script).start()) {
            MailConnection connection = transport.connect(Fixture.request(server, TransportMode.STARTTLS))
                    .flatMap(c -> {
                        ExchangeEngine<String, String> engine = Fixture.lineEngine(c);
                        return Fixture.greeting(engine).then(c.startTls(engine, "a1 STARTTLS\r\n",
                                l -> l.startsWith("a1 "), l -> l.startsWith("a1 OK"))).thenReturn(c);
                    }).block(WAIT);
            assertThat(openSessions()).isEqualTo(1);
            connection.close().block(WAIT);
            ScriptedConnection seen = server.awaitScriptDone(WAIT);
            Fixture.await("the session to close", () -> openSessions() == 0);
            assertThat(registry.get(MailMeterNames.CONNECTIONS).counters()).singleElement()
                    .satisfies(c -> assertThat(Fixture.describe(c)).isEqualTo("mail.client.connections{"
                            + "auth.method=pkix,cipher=" + seen.cipherSuite() + ",level=1,mode=starttls,"
                            + "outcome=established,protocol=imap,tls.version=" + seen.protocol() + "}"));
            assertThat(registry.get(MailMeterNames.SECURITY_TAGS).counters())
                    .extracting(c -> c.getId().getTag("tag")).containsExactlyInAnyOrder("tls", "cert_pkix", "pfs");
            assertThat(registry.get(MailMeterNames.TLS_HANDSHAKE_DURATION).tag("mode", "starttls").timer().count())
                    .isEqualTo(1);
        }
    }

    @Test
    @DisplayName("TLS-15: a refused STARTTLS moves the STARTTLS and TLS failure counters")
    void startTlsRefused() throws Exception {
        Script script = Script.builder().send("* OK ready\r\n").expectLine("a1 STARTTLS").send("a1 NO not now\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().script(script).start()) {
            transport.connect(Fixture.request(server, TransportMode.STARTTLS)).flatMap(connection -> {
                ExchangeEngine<String, String> engine = Fixture.lineEngine(connection);
                return Fixture.greeting(engine).then(connection.startTls(engine, "a1 STARTTLS\r\n",
                        l -> l.startsWith("a1 "), l -> l.startsWith("a1 OK")));
            }).as(StepVerifier::create).expectError(StartTlsUnavailableException.class).verify(WAIT);
            assertThat(registry.get(MailMeterNames.STARTTLS_FAILURES).tag("reason", "refused").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get(MailMeterNames.TLS_FAILURES).tag("reason", "StartTlsUnavailableException")
                    .tag("mode", "starttls").counter().count()).isEqualTo(1);
            assertThat(registry.get(MailMeterNames.CONNECTIONS).tag("outcome", "tls_failed").counter().count())
                    .isEqualTo(1);
        }
    }

    @Test
    @DisplayName("DANE-05: a non-matching SECURE TLSA record fails the handshake and moves the DANE failure counter")
    void daneFailure() throws Exception {
        try (ScriptedTlsServer server = implicitServer(Fixture.Pki.SERVER, "TLSv1.3")) {
            var other = Tlsa.of(3, 1, 1, TestPki.unknownRoot().leaf().dns(Fixture.HOST).issue().leaf());
            ConnectRequest request = Fixture.request(server, TransportMode.IMPLICIT)
                    .withTlsa(Tlsa.secure("_" + server.port() + "._tcp." + Fixture.HOST, other));
            session(request).as(StepVerifier::create).expectError(DaneVerificationException.class).verify(WAIT);
            assertThat(registry.get(MailMeterNames.DANE_VERIFICATIONS).counters()).singleElement()
                    .satisfies(c -> {
                        assertThat(c.getId().getTag("result")).isEqualTo("failed");
                        assertThat(c.count()).isEqualTo(1);
                    });
            assertThat(registry.get(MailMeterNames.TLS_FAILURES).tag("reason", "DaneVerificationException").counter()
                    .count()).isEqualTo(1);
            assertThat(registry.get(MailMeterNames.TLS_HANDSHAKE_DURATION).tag("outcome", "failure").timer().count())
                    .isEqualTo(1);
            assertThat(registry.find(MailMeterNames.CONNECTIONS).tag("outcome", "established").counter()).isNull();
        }
    }

    @Test
    @DisplayName("DANE-EE: a matching record counts a dane_ee outcome and a CERT_DANE tag")
    void daneSuccess() throws Exception {
        Credential selfSigned = Fixture.Pki.CA.leaf().dns(Fixture.HOST).selfSigned().issue();
        try (ScriptedTlsServer server = implicitServer(selfSigned, "TLSv1.3")) {
            ConnectRequest request = Fixture.request(server, TransportMode.IMPLICIT)
                    .withTlsa(Tlsa.secure("_" + server.port() + "._tcp." + Fixture.HOST,
                            Tlsa.of(3, 1, 1, selfSigned.leaf())));
            session(request).as(StepVerifier::create).expectNext("a1 OK").expectComplete().verify(WAIT);
            assertThat(registry.get(MailMeterNames.DANE_VERIFICATIONS).tag("result", "dane_ee").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get(MailMeterNames.SECURITY_TAGS).tag("tag", "cert_dane").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get(MailMeterNames.CONNECTIONS).counter().getId().getTag("auth.method"))
                    .isEqualTo("dane_ee");
        }
    }

    @Test
    @DisplayName("a BOGUS TLSA answer is refused before TCP: a dnssec_bogus DANE outcome and no connect time")
    void bogusTlsa() {
        Endpoint endpoint = new Endpoint(MailProtocol.IMAP, Fixture.HOST, 993, TransportMode.IMPLICIT);
        ConnectRequest request = ConnectRequest.manual(endpoint).withAddress(new InetSocketAddress("127.0.0.1", 993))
                .withTlsa(DnsAnswer.failed("_993._tcp." + Fixture.HOST, DnssecStatus.BOGUS));
        transport.connect(request).as(StepVerifier::create).expectError(DnssecBogusException.class).verify(WAIT);
        assertThat(registry.get(MailMeterNames.DANE_VERIFICATIONS).tag("result", "dnssec_bogus").counter().count())
                .isEqualTo(1);
        assertThat(registry.find(MailMeterNames.CONNECT_DURATION).timer()).isNull();
    }

    @Test
    @DisplayName("a refused TCP connect counts a connect_failed connection and a failed connect time")
    void connectFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Endpoint endpoint = new Endpoint(MailProtocol.IMAP, Fixture.HOST, port, TransportMode.IMPLICIT);
        transport.connect(ConnectRequest.manual(endpoint).withAddress(new InetSocketAddress("127.0.0.1", port)))
                .as(StepVerifier::create).expectError(ConnectionException.class).verify(WAIT);
        assertThat(registry.get(MailMeterNames.CONNECT_DURATION).tag("outcome", "failure").timer().count())
                .isEqualTo(1);
        assertThat(registry.get(MailMeterNames.CONNECTIONS).tag("outcome", "connect_failed").counter().count())
                .isEqualTo(1);
    }
}
