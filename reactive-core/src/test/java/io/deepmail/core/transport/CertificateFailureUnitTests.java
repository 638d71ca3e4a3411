package io.deepmail.core.transport;

import static io.deepmail.core.transport.TransportFixture.WAIT;
import static io.deepmail.core.transport.TransportFixture.request;
import static io.deepmail.core.transport.TransportFixture.transport;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.CertificateIdentityException;
import io.deepmail.core.CertificatePathException;
import io.deepmail.core.MailClientException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsProviderPreference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

/**
 * TLS-05/TLS-06: each bad certificate fails with a typed error, in both TLS modes and with both
 * providers, and not one application byte reaches the server after the handshake.
 */
class CertificateFailureUnitTests {

    private static final TestCa CA = TestPki.rsa();
    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    static Stream<Arguments> badCertificates() {
        List<Arguments> cases = new ArrayList<>();
        List<Object[]> certs = List.of(
                new Object[] {"self-signed", (Supplier<Credential>) () -> CA.leaf().dns(TransportFixture.HOST)
                        .selfSigned().issue(), CertificatePathException.class},
                new Object[] {"unknown root", (Supplier<Credential>) () -> TestPki.unknownRoot().leaf()
                        .dns(TransportFixture.HOST).issue(), CertificatePathException.class},
                new Object[] {"expired", (Supplier<Credential>) () -> CA.leaf().dns(TransportFixture.HOST).expired()
                        .issue(), CertificatePathException.class},
                new Object[] {"wrong host", (Supplier<Credential>) () -> CA.leaf().dns("other.example.test").issue(),
                        CertificateIdentityException.class});
        for (TlsProviderPreference provider : TransportFixture.providers()) {
            for (TransportMode mode : List.of(TransportMode.IMPLICIT, TransportMode.STARTTLS)) {
                for (Object[] c : certs) {
                    cases.add(Arguments.of(c[0], provider, mode, c[1], c[2]));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} via {1} {2}")
    @MethodSource("badCertificates")
    @DisplayName("TLS-05/TLS-06: a bad certificate fails typed and no application byte follows the handshake")
    void badCertificateRefused(String name, TlsProviderPreference provider, TransportMode mode,
            Supplier<Credential> credential, Class<? extends MailClientException> expected) throws Exception {
        Credential cert = credential.get();
        Script.Builder script = Script.builder();
        if (mode == TransportMode.STARTTLS) {
            script.send("* OK ready\r\n").expectLine("a1 STARTTLS").send("a1 OK begin TLS\r\n").startTls();
        }
        script.expectLine("a2 LOGIN alice secret");
        ScriptedTlsServer.Builder builder = ScriptedTlsServer.builder().credential(cert.key(), cert.chain())
                .script(script.build());
        if (mode == TransportMode.IMPLICIT) {
            builder.implicitTls();
        }
        try (ScriptedTlsServer server = builder.start()) {
            MailTransport transport = transport(RESOURCES.get(), CA, provider);
            transport.connect(request(server, mode))
                    .flatMap(connection -> {
                        ExchangeEngine<String, String> engine = TransportFixture.lineEngine(connection);
                        var secured = mode == TransportMode.STARTTLS
                                ? engine.exchange(reactor.core.publisher.Flux.<String>empty(), l -> true)
                                        .then(connection.startTls(engine, "a1 STARTTLS\r\n", l -> l.startsWith("a1 "),
                                                l -> l.startsWith("a1 OK")))
                                : reactor.core.publisher.Mono.just(connection.security().orElseThrow());
                        return secured.then(engine.exchange("a2 LOGIN alice secret\r\n", l -> true).then());
                    })
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(expected)
                            .hasMessageNotContaining("secret"))
                    .verify(WAIT);
            ScriptedConnection seen = server.awaitConnection(0, WAIT);
            seen.awaitClosed(WAIT);
            assertThat(seen.tlsReceived()).as("application bytes after the handshake").isEmpty();
            assertThat(seen.wireReceived()).asString().doesNotContain("LOGIN");
        }
    }
}
