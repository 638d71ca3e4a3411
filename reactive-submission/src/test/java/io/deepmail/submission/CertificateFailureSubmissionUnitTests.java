package io.deepmail.submission;

import static io.deepmail.submission.SmtpServers.ALICE;
import static io.deepmail.submission.SmtpServers.CA;
import static io.deepmail.submission.SmtpServers.GREETING;
import static io.deepmail.submission.SmtpServers.HOST;
import static io.deepmail.submission.SmtpServers.WAIT;
import static io.deepmail.submission.SmtpServers.ehlo;
import static io.deepmail.submission.SubmissionSessionUnitTests.reason;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.CertificateIdentityException;
import io.deepmail.core.CertificatePathException;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

/**
 * A bad server certificate on 465 and on 587 after STARTTLS: a typed error naming the reason, and
 * no AUTH, MAIL or message byte ever reaches the server, in cleartext or inside TLS.
 */
class CertificateFailureSubmissionUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final String EHLO = "EHLO [127.0.0.1]";

    static List<Arguments> cases() {
        List<Object[]> certificates = List.of(
                new Object[] {"self-signed", (Supplier<Credential>) () -> CA.leaf().dns(HOST).selfSigned().issue(),
                        CertificatePathException.class},
                new Object[] {"unknown root", (Supplier<Credential>) () -> TestPki.unknownRoot().leaf().dns(HOST)
                        .issue(), CertificatePathException.class},
                new Object[] {"expired", (Supplier<Credential>) () -> CA.leaf().dns(HOST).expired().issue(),
                        CertificatePathException.class},
                new Object[] {"wrong host", (Supplier<Credential>) () -> CA.leaf().dns("other.example.test").issue(),
                        CertificateIdentityException.class});
        List<Arguments> cases = new ArrayList<>();
        for (TransportMode mode : List.of(TransportMode.IMPLICIT, TransportMode.STARTTLS)) {
            for (Object[] c : certificates) {
                cases.add(Arguments.of(c[0], mode, c[1], c[2]));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    @DisplayName("a bad certificate is a typed error before any AUTH, MAIL or message byte")
    void badCertificate(String name, TransportMode mode, Supplier<Credential> credential,
            Class<? extends Throwable> expected) throws Exception {
        Credential cert = credential.get();
        Script.Builder script = Script.builder();
        if (mode == TransportMode.STARTTLS) {
            script.send(GREETING).expectLine(EHLO).send(ehlo("STARTTLS", "AUTH PLAIN"))
                    .expectLine("STARTTLS").send("220 2.0.0 Ready to start TLS\r\n").startTls();
        }
        script.send(GREETING).expectLine(EHLO).send(ehlo("AUTH PLAIN")).expectLine(SmtpServers.AUTH_PLAIN)
                .send("235 ok\r\n").awaitClose();
        ScriptedTlsServer.Builder builder = ScriptedTlsServer.builder().credential(cert.key(), cert.chain())
                .script(script.build());
        if (mode == TransportMode.IMPLICIT) {
            builder.implicitTls();
        }
        try (ScriptedTlsServer server = builder.start()) {
            SmtpServers.client(RESOURCES.get()).send(ALICE, SmtpServers.targets(server, mode),
                            Envelope.of("alice@example.test", "bob@example.test"),
                            SubmissionSessionUnitTests.body("secret body\r\n"))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(reason(e)).isInstanceOf(expected)
                            .hasMessageNotContaining("secret"))
                    .verify(WAIT);
            ScriptedConnection c = server.awaitConnection(0, WAIT);
            c.awaitClosed(WAIT);
            assertThat(c.tlsReceived()).as("application bytes after the handshake").isEmpty();
            String wire = new String(c.wireReceived(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(wire).doesNotContain("AUTH").doesNotContain("MAIL FROM").doesNotContain("RCPT")
                    .doesNotContain("secret body");
            if (mode == TransportMode.STARTTLS) {
                assertThat(c.cleartextReceivedText()).isEqualTo(EHLO + "\r\nSTARTTLS\r\n");
            }
        }
    }
}
