package io.deepmail.imap;

import static io.deepmail.imap.ScriptedSessions.ALICE;
import static io.deepmail.imap.ScriptedSessions.CA;
import static io.deepmail.imap.ScriptedSessions.HOST;
import static io.deepmail.imap.ScriptedSessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.deepmail.core.CertificateIdentityException;
import io.deepmail.core.CertificatePathException;
import io.deepmail.core.MailClientException;
import io.deepmail.core.StartTlsInjectionException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.imap.response.Untagged;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;

/**
 * Hostile-server cases of issue 7 not covered by {@link ImapSessionUnitTests}: each ends typed,
 * without a hang, and without a credential byte reaching the server.
 */
class ImapHostileServerUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static void noCredentials(ScriptedConnection c) {
        assertThat(c.cleartextReceivedText()).doesNotContain("LOGIN", "AUTHENTICATE", "s3cret");
        assertThat(c.tlsReceivedText()).doesNotContain("LOGIN", "AUTHENTICATE", "s3cret");
    }

    @Test
    @DisplayName("TLS-15: STARTTLS answered with a \"+\" continuation fails typed, without hanging")
    void startTlsContinuation() throws Exception {
        Script script = Script.builder().send("* OK ready\r\n")
                .expectLine("A1 CAPABILITY").send("* CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN\r\nA1 OK\r\n")
                .expectLine("A2 STARTTLS").send("+ go on\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.startTls(script)) {
            Throwable failure = catchThrowable(() -> ScriptedSessions.client(RESOURCES)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.STARTTLS)).block(WAIT));
            assertThat(ScriptedSessions.reason(failure)).isInstanceOf(MailClientException.class);
            server.awaitScriptDone(WAIT);
            noCredentials(server.connections().get(0));
        }
    }

    @Test
    @DisplayName("TLS-11: a BYE injected in its own segment after the STARTTLS go-ahead is refused as injection")
    void byeInjectedSeparately() throws Exception {
        Script script = Script.builder().send("* OK ready\r\n")
                .expectLine("A1 CAPABILITY").send("* CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN\r\nA1 OK\r\n")
                .expectLine("A2 STARTTLS").sendThenInject("A2 OK begin\r\n", "* BYE forged\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.startTls(script)) {
            Throwable failure = catchThrowable(() -> ScriptedSessions.client(RESOURCES)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.STARTTLS)).block(WAIT));
            assertThat(ScriptedSessions.reason(failure)).isInstanceOf(StartTlsInjectionException.class);
            server.awaitScriptDone(WAIT);
            noCredentials(server.connections().get(0));
        }
    }

    @Test
    @DisplayName("TLS-13: untagged STATUS, SEARCH, EXPUNGE and FETCH before STARTTLS never reach the session")
    void preTlsStateTampering() throws Exception {
        Script script = Script.builder()
                .send("* OK ready\r\n* STATUS INBOX (MESSAGES 99)\r\n")
                .expectLine("A1 CAPABILITY")
                .send("* SEARCH 1 2 3\r\n* 4 EXPUNGE\r\n* 1 FETCH (FLAGS (\\Seen) UID 5)\r\n"
                        + "* 1 FETCH (BODY[] {5}\r\nforge)\r\n* CAPABILITY IMAP4rev1 STARTTLS\r\nA1 OK\r\n")
                .expectLine("A2 STARTTLS").send("A2 OK begin\r\n").startTls()
                .expectLine("A3 CAPABILITY").send("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\nA3 OK\r\n")
                .expectLine("A4 NOOP").send("A4 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.startTls(script)) {
            ImapSession session = ScriptedSessions.client(RESOURCES)
                    .establish(ALICE, ScriptedSessions.targets(server, TransportMode.STARTTLS)).block(WAIT);
            List<Untagged> updates = new CopyOnWriteArrayList<>();
            Disposable sub = session.updates().subscribe(updates::add, e -> { });
            session.noop().block(WAIT);
            sub.dispose();
            assertThat(updates).isEmpty();
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"self-signed", "unknown root", "wrong host", "expired"})
    @DisplayName("certificates: self-signed, unknown root, wrong host and expired each fail typed, before any command")
    void certificates(String variant) throws Exception {
        Credential credential = switch (variant) {
            case "self-signed" -> CA.leaf().dns(HOST).selfSigned().issue();
            case "unknown root" -> TestPki.unknownRoot().leaf().dns(HOST).issue();
            case "wrong host" -> CA.leaf().dns("other.example.test").issue();
            default -> CA.leaf().dns(HOST).expired().issue();
        };
        Script script = Script.builder().send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n").awaitClose().build();
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(credential.key(), credential.chain())
                .implicitTls().script(script).start()) {
            Throwable failure = catchThrowable(() -> ScriptedSessions.client(RESOURCES)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.IMPLICIT)).block(WAIT));
            Class<?> expected = variant.equals("wrong host") ? CertificateIdentityException.class
                    : CertificatePathException.class;
            assertThat(ScriptedSessions.reason(failure)).as(variant).isInstanceOf(expected);
            ScriptedConnection c = server.awaitConnection(0, WAIT);
            assertThat(c.handshakeCompleted()).as("the client never finished the handshake").isFalse();
            assertThat(c.tlsReceivedText()).isEmpty();
            noCredentials(c);
        }
    }
}
