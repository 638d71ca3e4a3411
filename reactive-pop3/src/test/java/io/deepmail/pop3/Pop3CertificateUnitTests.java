package io.deepmail.pop3;

import static io.deepmail.pop3.Pop3Fixture.ALICE;
import static io.deepmail.pop3.Pop3Fixture.CA;
import static io.deepmail.pop3.Pop3Fixture.HOST;
import static io.deepmail.pop3.Pop3Fixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.CertificateIdentityException;
import io.deepmail.core.CertificatePathException;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestPki;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

/**
 * TLS-03/TLS-05: a bad server certificate on 995 (Implicit TLS) and on 110 after {@code STLS} is a
 * typed {@link TlsPolicyException}: a path failure for self-signed, unknown-root and expired leaves,
 * an identity failure for a leaf naming another host. Not one POP3 byte reaches the server inside
 * TLS, so no credential either, and in cleartext only {@code CAPA} and {@code STLS}.
 */
class Pop3CertificateUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    enum BadCertificate {
        SELF_SIGNED(() -> CA.leaf().dns(HOST).selfSigned().issue(), CertificatePathException.class),
        UNKNOWN_ROOT(() -> TestPki.unknownRoot().leaf().dns(HOST).issue(), CertificatePathException.class),
        EXPIRED(() -> CA.leaf().dns(HOST).expired().issue(), CertificatePathException.class),
        WRONG_HOST(() -> CA.leaf().dns("elsewhere.example.test").issue(), CertificateIdentityException.class);

        final Supplier<Credential> credential;
        final Class<? extends TlsPolicyException> expected;

        BadCertificate(Supplier<Credential> credential, Class<? extends TlsPolicyException> expected) {
            this.credential = credential;
            this.expected = expected;
        }
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (BadCertificate certificate : BadCertificate.values()) {
            cases.add(Arguments.of(certificate, TransportMode.IMPLICIT));
            cases.add(Arguments.of(certificate, TransportMode.STARTTLS));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void badCertificateIsTypedAndNothingIsSent(BadCertificate certificate, TransportMode mode) throws Exception {
        Credential leaf = certificate.credential.get();
        ScriptedTlsServer.Builder server = ScriptedTlsServer.builder().credential(leaf.key(), leaf.chain());
        Script script;
        if (mode == TransportMode.IMPLICIT) {
            server.implicitTls();
            script = Script.builder().send("+OK ready\r\n").awaitClose().build();
        } else {
            script = Script.builder().send("+OK ready\r\n").expectLine("CAPA")
                    .send("+OK\r\nSTLS\r\nUSER\r\nSASL PLAIN\r\n.\r\n")
                    .expectLine("STLS").send("+OK begin TLS\r\n").startTls().awaitClose().build();
        }
        try (ScriptedTlsServer started = server.script(script).start()) {
            Pop3Fixture.client(RESOURCES.get()).connect(ALICE, Pop3Fixture.targets(started, mode))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(Pop3Fixture.reason(e)).isInstanceOf(certificate.expected))
                    .verify(WAIT);
            ScriptedConnection connection = started.awaitConnection(0, WAIT);
            connection.awaitClosed(WAIT);
            assertThat(connection.tlsReceived()).as("bytes inside TLS").isEmpty();
            assertThat(connection.cleartextReceivedText())
                    .isEqualTo(mode == TransportMode.IMPLICIT ? "" : "CAPA\r\nSTLS\r\n");
            assertThat(connection.wireReceived()).asString().doesNotContain("s3cret", "alice", "AGFsaWNl");
        }
    }
}
