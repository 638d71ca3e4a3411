package io.deepmail.imap;

import static io.deepmail.imap.ScriptedSessions.CA;
import static io.deepmail.imap.ScriptedSessions.HOST;
import static io.deepmail.imap.ScriptedSessions.WAIT;
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
import io.deepmail.core.testkit.TestPki;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad server certificates on Implicit TLS and on STARTTLS: self-signed, unknown root, wrong host
 * and expired each fail with the typed {@link io.deepmail.core.TlsPolicyException} subclass, before
 * the handshake completes, with no command inside TLS and no credential byte anywhere (TLS-05,
 * TLS-06, TLS-07).
 */
class ImapCertificateUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    enum Bad {
        SELF_SIGNED(CertificatePathException.class),
        UNKNOWN_ROOT(CertificatePathException.class),
        WRONG_HOST(CertificateIdentityException.class),
        EXPIRED(CertificatePathException.class);

        final Class<? extends MailClientException> expected;

        Bad(Class<? extends MailClientException> expected) {
            this.expected = expected;
        }

        Credential issue() {
            return switch (this) {
                case SELF_SIGNED -> CA.leaf().dns(HOST).selfSigned().issue();
                case UNKNOWN_ROOT -> TestPki.unknownRoot().leaf().dns(HOST).issue();
                case WRONG_HOST -> CA.leaf().dns("other.example.test").issue();
                case EXPIRED -> CA.leaf().dns(HOST).expired().issue();
            };
        }
    }

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Bad bad : Bad.values()) {
            for (TransportMode mode : List.of(TransportMode.IMPLICIT, TransportMode.STARTTLS)) {
                out.add(Arguments.of(bad, mode));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    @DisplayName("TLS-05/TLS-06/TLS-07: a self-signed, unknown-root, wrong-host or expired certificate fails typed, before any command inside TLS")
    void badCertificate(Bad bad, TransportMode mode) throws Exception {
        Credential credential = bad.issue();
        Script script = mode == TransportMode.IMPLICIT
                ? Script.builder().send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n").awaitClose().build()
                : Script.builder().send("* OK ready\r\n")
                        .expectLine("A1 CAPABILITY").send("* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\nA1 OK\r\n")
                        .expectLine("A2 STARTTLS").send("A2 OK begin\r\n").startTls().awaitClose().build();
        ScriptedTlsServer.Builder builder = ScriptedTlsServer.builder().credential(credential.key(), credential.chain())
                .script(script);
        try (ScriptedTlsServer server = (mode == TransportMode.IMPLICIT ? builder.implicitTls() : builder).start()) {
            MailClientException reason = ScriptedSessions.connectFails(ScriptedSessions.client(RESOURCES), server, mode);
            assertThat(reason).as("%s on %s", bad, mode).isInstanceOf(bad.expected);
            ScriptedConnection c = server.awaitConnection(0, WAIT);
            assertThat(c.handshakeCompleted()).as("the client never finished the handshake").isFalse();
            assertThat(c.tlsReceivedText()).isEmpty();
            assertThat(server.connections()).as("no retry with weaker checks (TLS-07)").hasSize(1);
        }
    }
}
