package io.deepmail.core.transport;

import static io.deepmail.core.transport.TransportFixture.HOST;
import static io.deepmail.core.transport.TransportFixture.WAIT;
import static io.deepmail.core.transport.TransportFixture.request;
import static io.deepmail.core.transport.TransportFixture.transport;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.CertificateIdentityException;
import io.deepmail.core.CertificatePathException;
import io.deepmail.core.DaneVerificationException;
import io.deepmail.core.DnssecBogusException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.TlsRequiredException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.dns.TlsaRecord;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.testkit.Tlsa;
import io.deepmail.core.tls.TlsProviderPreference;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * DANE end to end: TLSA answers on the connect request decide how the scripted server on loopback is
 * authenticated, with both TLS providers. The client trusts the test CA, so that the cases where
 * PKIX would pass show that DANE, not PKIX, decided.
 */
class DaneTransportUnitTests {

    private static final TestCa CA = TestPki.rsa();
    private static final Credential PKIX_VALID = CA.leaf().dns(HOST).issue();
    private static MailResources resources;

    @BeforeAll
    static void start() {
        resources = MailResources.create();
    }

    @AfterAll
    static void stop() {
        resources.disposeLater().block(WAIT);
    }

    static List<TlsProviderPreference> providers() {
        return TransportFixture.providers();
    }

    private static String tlsaName(ScriptedTlsServer server) {
        return "_" + server.port() + "._tcp." + HOST;
    }

    private static ScriptedTlsServer implicitServer(Credential credential) throws Exception {
        return ScriptedTlsServer.builder().credential(credential.key(), credential.chain()).implicitTls()
                .script(Script.builder().send("* OK ready\r\n").expectLine("a1 NOOP").send("a1 OK done\r\n")
                        .awaitClose().build())
                .start();
    }

    /** Connects, reads the greeting, sends one command inside TLS and closes; returns the record. */
    private static Mono<SessionSecurity> session(MailTransport transport, ConnectRequest request) {
        return transport.connect(request).flatMap(connection -> {
            ExchangeEngine<String, String> engine = TransportFixture.lineEngine(connection);
            return engine.exchange(Flux.<String>empty(), l -> true)
                    .then(engine.exchange("a1 NOOP\r\n", l -> l.startsWith("a1 ")).then())
                    .then(connection.close())
                    .thenReturn(connection.security().orElseThrow());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("DANE-05/DANE-12: an expired self-signed certificate matching 3 1 1 is accepted with CERT_DANE at level 1")
    void expiredSelfSignedDaneEe(TlsProviderPreference provider) throws Exception {
        Credential expired = CA.leaf().dns(HOST).selfSigned().expired().issue();
        try (ScriptedTlsServer server = implicitServer(expired)) {
            ConnectRequest request = request(server, TransportMode.IMPLICIT)
                    .withTlsa(Tlsa.secure(tlsaName(server), Tlsa.of(3, 1, 1, expired.leaf())));
            SessionSecurity security = session(transport(resources, CA, provider), request).block(WAIT);
            assertThat(security.authentication()).isEqualTo(AuthenticationMethod.DANE_EE);
            assertThat(security.tags()).contains(SecurityTag.TLS, SecurityTag.IMPLICIT, SecurityTag.CERT_DANE)
                    .doesNotContain(SecurityTag.CERT_PKIX);
            assertThat(security.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
            assertThat(security.level().value()).isEqualTo(1);
            assertThat(security.logLine()).startsWith("Verified TLS connection").contains("CERT_DANE");
            ScriptedConnection seen = server.awaitScriptDone(WAIT);
            assertThat(seen.sniHostName()).as("SNI stays the connect host with usable TLSA (7.4)").isEqualTo(HOST);
            assertThat(seen.tlsReceivedText()).isEqualTo("a1 NOOP\r\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("DANE-05: a non-matching 3 1 1 record fails a PKIX-valid certificate, with no PKIX fallback")
    void nonMatchingNoFallback(TlsProviderPreference provider) throws Exception {
        TlsaRecord other = Tlsa.of(3, 1, 1, TestPki.unknownRoot().leaf().dns(HOST).issue().leaf());
        try (ScriptedTlsServer server = implicitServer(PKIX_VALID)) {
            ConnectRequest request = request(server, TransportMode.IMPLICIT)
                    .withTlsa(Tlsa.secure(tlsaName(server), other));
            session(transport(resources, CA, provider), request)
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DaneVerificationException.class)
                            .hasMessageContaining("3 1 1"))
                    .verify(WAIT);
            ScriptedConnection seen = server.awaitConnection(0, WAIT);
            seen.awaitClosed(WAIT);
            assertThat(seen.tlsReceived()).as("application bytes after a failed DANE check").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DnssecStatus.class, names = {"BOGUS", "INDETERMINATE"})
    @DisplayName("DANE-03: a bogus or indeterminate TLSA answer fails typed before any TCP connection")
    void bogusTlsa(DnssecStatus status) throws Exception {
        for (TlsProviderPreference provider : providers()) {
            try (ScriptedTlsServer server = implicitServer(PKIX_VALID)) {
                ConnectRequest request = request(server, TransportMode.IMPLICIT).withTlsa(
                        Tlsa.answer(tlsaName(server), status, Tlsa.of(3, 1, 1, PKIX_VALID.leaf())));
                transport(resources, CA, provider).connect(request)
                        .as(StepVerifier::create)
                        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DnssecBogusException.class)
                                .hasMessageContaining(status.name()))
                        .verify(WAIT);
                Thread.sleep(200);
                assertThat(server.connections()).as("the server saw no connection").isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("DANE-04: usable TLSA records make TLS mandatory, so a cleartext endpoint is refused before connecting")
    void tlsMandatory(TlsProviderPreference provider) throws Exception {
        try (ScriptedTlsServer server = ScriptedTlsServer.builder()
                .script(Script.builder().send("* OK ready\r\n").awaitClose().build()).start()) {
            ConnectRequest request = request(server, TransportMode.PLAINTEXT)
                    .withTlsa(Tlsa.secure(tlsaName(server), Tlsa.of(3, 1, 1, PKIX_VALID.leaf())));
            transport(resources, CA, provider).connect(request)
                    .as(StepVerifier::create)
                    .expectError(TlsRequiredException.class)
                    .verify(WAIT);
            Thread.sleep(200);
            assertThat(server.connections()).isEmpty();

            ConnectRequest unusable = request.withTlsa(Tlsa.secure(tlsaName(server),
                    new TlsaRecord(4, 1, 1, new byte[32])));
            MailConnection cleartext = transport(resources, CA, provider).connect(unusable).block(WAIT);
            assertThat(cleartext.security().orElseThrow().tags()).as("DANE-08: nothing usable is no TLSA").isEmpty();
            cleartext.close().block(WAIT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("DANE-06: STARTTLS uses the same DANE decision: DANE-TA succeeds, and a name mismatch is rejected")
    void startTlsDaneTa(TlsProviderPreference provider) throws Exception {
        TlsaRecord anchor = Tlsa.of(2, 1, 1, CA.certificate());
        Credential misnamed = CA.leaf().dns("other.example.test").issue();
        for (Credential credential : List.of(PKIX_VALID, misnamed)) {
            Script script = Script.builder().send("* OK ready\r\n").expectLine("a1 STARTTLS")
                    .send("a1 OK begin TLS\r\n").startTls().awaitClose().build();
            try (ScriptedTlsServer server = ScriptedTlsServer.builder()
                    .credential(credential.key(), credential.chain()).script(script).start()) {
                ConnectRequest request = request(server, TransportMode.STARTTLS)
                        .withTlsa(Tlsa.secure(tlsaName(server), anchor));
                Mono<SessionSecurity> upgraded = transport(resources, TestPki.unknownRoot(), provider).connect(request)
                        .flatMap(connection -> {
                            ExchangeEngine<String, String> engine = TransportFixture.lineEngine(connection);
                            return engine.exchange(Flux.<String>empty(), l -> true)
                                    .then(connection.startTls(engine, "a1 STARTTLS\r\n", l -> l.startsWith("a1 "),
                                            l -> l.startsWith("a1 OK")))
                                    .flatMap(s -> connection.close().thenReturn(s));
                        });
                if (credential == PKIX_VALID) {
                    SessionSecurity security = upgraded.block(WAIT);
                    assertThat(security.authentication()).isEqualTo(AuthenticationMethod.DANE_TA);
                    assertThat(security.tags()).contains(SecurityTag.CERT_DANE).doesNotContain(SecurityTag.CERT_PKIX,
                            SecurityTag.IMPLICIT);
                    assertThat(security.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
                } else {
                    upgraded.as(StepVerifier::create)
                            .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(CertificateIdentityException.class)
                                    .hasMessageContaining("DANE-TA"))
                            .verify(WAIT);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("DANE-11: an INSECURE TLSA answer is ignored, and PKIX decides")
    void insecureIgnored(TlsProviderPreference provider) throws Exception {
        TlsaRecord other = Tlsa.of(3, 1, 1, TestPki.unknownRoot().leaf().dns(HOST).issue().leaf());
        try (ScriptedTlsServer server = implicitServer(PKIX_VALID)) {
            DnsAnswer<TlsaRecord> insecure = Tlsa.answer(tlsaName(server), DnssecStatus.INSECURE, other);
            SessionSecurity security = session(transport(resources, CA, provider),
                    request(server, TransportMode.IMPLICIT).withTlsa(insecure)).block(WAIT);
            assertThat(security.authentication()).isEqualTo(AuthenticationMethod.PKIX);
            assertThat(security.tags()).contains(SecurityTag.CERT_PKIX).doesNotContain(SecurityTag.CERT_DANE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("DANE-07: a PKIX-EE match over the wire earns both CERT_PKIX and CERT_DANE")
    void pkixEeBothTags(TlsProviderPreference provider) throws Exception {
        try (ScriptedTlsServer server = implicitServer(PKIX_VALID)) {
            SessionSecurity security = session(transport(resources, CA, provider), request(server,
                    TransportMode.IMPLICIT).withTlsa(Tlsa.secure(tlsaName(server), Tlsa.of(1, 1, 2,
                    PKIX_VALID.leaf())))).block(WAIT);
            assertThat(security.authentication()).isEqualTo(AuthenticationMethod.DANE_PKIX_EE);
            assertThat(security.tags()).contains(SecurityTag.CERT_PKIX, SecurityTag.CERT_DANE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("DANE-08: a SECURE answer holding only unusable records is no TLSA: an expired certificate still fails PKIX")
    void unusableIsPkix(TlsProviderPreference provider) throws Exception {
        Credential expired = CA.leaf().dns(HOST).selfSigned().expired().issue();
        byte[] sha256 = Tlsa.data(1, 1, expired.leaf());
        try (ScriptedTlsServer server = implicitServer(expired)) {
            ConnectRequest request = request(server, TransportMode.IMPLICIT).withTlsa(Tlsa.secure(tlsaName(server),
                    new TlsaRecord(4, 1, 1, sha256), new TlsaRecord(3, 1, 3, sha256)));
            session(transport(resources, CA, provider), request)
                    .as(StepVerifier::create)
                    .expectError(CertificatePathException.class)
                    .verify(WAIT);
        }
    }

    @Test
    @DisplayName("the TLSA answer survives withAddress, and a request without one has none")
    void requestCarriesTlsa() {
        Endpoint endpoint = new Endpoint(MailProtocol.IMAP, HOST, 993, TransportMode.IMPLICIT);
        DnsAnswer<TlsaRecord> answer = Tlsa.secure("_993._tcp." + HOST, Tlsa.of(3, 1, 1, PKIX_VALID.leaf()));
        ConnectRequest plain = ConnectRequest.manual(endpoint);
        assertThat(plain.tlsa()).isNull();
        assertThat(plain.withTlsa(answer).withAddress(new InetSocketAddress("127.0.0.1", 993)).tlsa())
                .isEqualTo(answer);
        assertThat(plain.withTlsa(answer).withTlsa(null).tlsa()).isNull();
    }
}
