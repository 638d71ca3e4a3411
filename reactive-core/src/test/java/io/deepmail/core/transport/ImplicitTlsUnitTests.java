package io.deepmail.core.transport;

import static io.deepmail.core.transport.TransportFixture.WAIT;
import static io.deepmail.core.transport.TransportFixture.request;
import static io.deepmail.core.transport.TransportFixture.transport;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.SessionObserver;
import io.deepmail.core.TlsNegotiationException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.security.SessionSecurityEvent;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TlsProvider;
import io.deepmail.core.tls.TlsProviderPreference;
import io.deepmail.core.tls.TlsVersion;
import io.netty.handler.ssl.SslProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

/** Implicit TLS against the scripted server: versions, suites, PFS and the security record. */
class ImplicitTlsUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();
    private static final TestCa CA = TestPki.rsa();
    private static final Credential SERVER = CA.leaf().dns(TransportFixture.HOST).issue();

    static List<TlsProviderPreference> providers() {
        return TransportFixture.providers();
    }

    private static ScriptedTlsServer server(String protocol, String... ciphers) throws Exception {
        ScriptedTlsServer.Builder b = ScriptedTlsServer.builder().credential(SERVER.key(), SERVER.chain())
                .implicitTls().sslProvider(SslProvider.OPENSSL).protocols(protocol)
                .script(Script.builder().send("* OK ready\r\n").awaitClose().build());
        if (ciphers.length > 0) {
            b.ciphers(ciphers);
        }
        return b.start();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("TLS-01/TAG-01: TLS 1.3 and TLS 1.2 succeed and the record carries what the server negotiated")
    void versionsSucceed(TlsProviderPreference provider) throws Exception {
        for (TlsVersion version : TlsVersion.values()) {
            List<SessionSecurityEvent> events = new CopyOnWriteArrayList<>();
            SessionObserver observer = new SessionObserver() {
                @Override
                public void onStateChange(io.deepmail.core.Endpoint endpoint, State state) {
                }

                @Override
                public void onSecurityEvent(SessionSecurityEvent event) {
                    events.add(event);
                }
            };
            try (ScriptedTlsServer server = server(version.protocolName())) {
                MailConnection connection = transport(RESOURCES.get(), CA, provider).observe(observer)
                        .connect(request(server, TransportMode.IMPLICIT)).block(WAIT);
                ScriptedConnection seen = server.awaitConnection(0, WAIT);
                seen.awaitHandshake(WAIT);
                SessionSecurity security = connection.security().orElseThrow();
                assertThat(security.tlsVersion()).isEqualTo(version.protocolName()).isEqualTo(seen.protocol());
                assertThat(security.cipherSuite()).isEqualTo(seen.cipherSuite());
                assertThat(security.provider()).isEqualTo(provider == TlsProviderPreference.JDK ? TlsProvider.JDK
                        : TlsProvider.BORINGSSL);
                assertThat(security.tags()).containsExactly(SecurityTag.TLS, SecurityTag.IMPLICIT,
                        SecurityTag.CERT_PKIX, SecurityTag.PFS);
                assertThat(security.authentication()).isEqualTo(AuthenticationMethod.PKIX);
                assertThat(security.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
                assertThat(events).singleElement().satisfies(e -> {
                    assertThat(e.security()).isEqualTo(security);
                    assertThat(e.security().logLine()).contains(": " + seen.protocol() + " with cipher "
                            + seen.cipherSuite() + " ");
                });
                connection.close().block(WAIT);
                seen.awaitClosed(WAIT);
                assertThat(seen.closeNotifyReceived()).as("close_notify before TCP close (TLS-18)").isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("TLS-02/LAT-02: a server that allows only TLS 1.1 is refused with a typed error")
    void tls11Refused(TlsProviderPreference provider) throws Exception {
        try (ScriptedTlsServer server = server("TLSv1.1", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")) {
            transport(RESOURCES.get(), CA, provider).connect(request(server, TransportMode.IMPLICIT))
                    .as(StepVerifier::create)
                    .expectError(TlsNegotiationException.class)
                    .verify(WAIT);
            assertThat(server.awaitConnection(0, WAIT).tlsReceived()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("TAG-03: a session limited to static RSA has no PFS tag, and still reaches level 1")
    void staticRsaHasNoPfs(TlsProviderPreference provider) throws Exception {
        String suite = "TLS_RSA_WITH_AES_128_GCM_SHA256";
        try (ScriptedTlsServer server = server("TLSv1.2", suite)) {
            MailTransport legacy = MailTransport.create(RESOURCES.get()).tls(TransportFixture.options(CA, provider)
                    .versions(TlsVersion.TLS_1_2).allowStaticRsa(true).cipherSuites(List.of(suite)).build());
            MailConnection connection = legacy.connect(request(server, TransportMode.IMPLICIT)).block(WAIT);
            SessionSecurity security = connection.security().orElseThrow();
            assertThat(security.cipherSuite()).isEqualTo(suite);
            assertThat(security.tags()).contains(SecurityTag.TLS, SecurityTag.CERT_PKIX).doesNotContain(SecurityTag.PFS);
            connection.close().block(WAIT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("TLS-03: a server restricted to TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 is accepted")
    void imapMandatorySuite(TlsProviderPreference provider) throws Exception {
        String suite = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
        try (ScriptedTlsServer server = server("TLSv1.2", suite)) {
            MailConnection connection = transport(RESOURCES.get(), CA, provider)
                    .connect(request(server, TransportMode.IMPLICIT)).block(WAIT);
            assertThat(connection.security().orElseThrow().cipherSuite()).isEqualTo(suite);
            connection.close().block(WAIT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("TLS-04: a server offering only a static-RSA suite is refused by default")
    void staticRsaRefusedByDefault(TlsProviderPreference provider) throws Exception {
        try (ScriptedTlsServer server = server("TLSv1.2", "TLS_RSA_WITH_AES_128_GCM_SHA256")) {
            transport(RESOURCES.get(), CA, provider).connect(request(server, TransportMode.IMPLICIT))
                    .as(StepVerifier::create)
                    .expectError(TlsNegotiationException.class)
                    .verify(WAIT);
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("TLS-01: by default BoringSSL offers the hybrid post-quantum X25519MLKEM768: a server that accepts only "
            + "it completes the handshake, and one that accepts only x25519 does too (both key shares are sent)")
    void hybridPostQuantumGroupByDefault() throws Exception {
        for (String only : List.of(TlsOptions.X25519_MLKEM768, "x25519")) {
            try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(SERVER.key(), SERVER.chain())
                    .implicitTls().sslProvider(SslProvider.OPENSSL).groups(only)
                    .script(Script.builder().send("* OK ready\r\n").awaitClose().build()).start()) {
                MailConnection connection = transport(RESOURCES.get(), CA, TlsProviderPreference.BORINGSSL)
                        .connect(request(server, TransportMode.IMPLICIT)).block(WAIT);
                assertThat(connection.security().orElseThrow().tlsVersion()).as(only).isEqualTo("TLSv1.3");
                connection.close().block(WAIT);
            }
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("TLS-01: with the groups narrowed to x25519, a server that accepts only the hybrid group is refused")
    void classicalOnlyClientMeetsHybridOnlyServer() throws Exception {
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(SERVER.key(), SERVER.chain())
                .implicitTls().sslProvider(SslProvider.OPENSSL).groups(TlsOptions.X25519_MLKEM768)
                .script(Script.builder().send("* OK ready\r\n").awaitClose().build()).start()) {
            MailTransport x25519 = MailTransport.create(RESOURCES.get()).tls(TransportFixture
                    .options(CA, TlsProviderPreference.BORINGSSL).namedGroups(List.of("x25519")).build());
            StepVerifier.create(x25519.connect(request(server, TransportMode.IMPLICIT)))
                    .expectError(TlsNegotiationException.class)
                    .verify(WAIT);
        }
    }
}
