package io.deepmail.submission;

import static io.deepmail.submission.SmtpServers.ALICE;
import static io.deepmail.submission.SmtpServers.GREETING;
import static io.deepmail.submission.SmtpServers.WAIT;
import static io.deepmail.submission.SmtpServers.ehlo;
import static io.deepmail.submission.SubmissionSessionUnitTests.reason;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.StartTlsInjectionException;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.sasl.AuthenticationUnavailableException;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

/**
 * STARTTLS on 587 against hostile servers (TLS-09..12, TLS-15, LAT-06): every case ends in a typed
 * error or a safe outcome, with no credential, envelope or message byte ever sent in cleartext.
 */
class StartTlsHostileUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final String EHLO = "EHLO [127.0.0.1]";

    private static void expectConnectFailure(ScriptedTlsServer server, Class<? extends Throwable> type) {
        SmtpServers.client(RESOURCES.get()).connect(ALICE, SmtpServers.targets(server, TransportMode.STARTTLS))
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(reason(e)).isInstanceOf(type))
                .verify(WAIT);
    }

    private static void assertNothingSensitive(ScriptedConnection c) {
        String cleartext = c.cleartextReceivedText();
        assertThat(cleartext).doesNotContain("AUTH").doesNotContain("MAIL FROM").doesNotContain("RCPT")
                .doesNotContain("HELO ");
        assertThat(c.tlsReceivedText()).doesNotContain("AUTH").doesNotContain("MAIL FROM");
    }

    @Test
    @DisplayName("TLS-09/TLS-12: STARTTLS, EHLO again inside TLS, AUTH from the post-TLS list only")
    void happyPath() throws Exception {
        Script script = Script.builder().send(GREETING).expectLine(EHLO).send(ehlo("STARTTLS", "SIZE 1000"))
                .expectLine("STARTTLS").send("220 2.0.0 Ready to start TLS\r\n").startTls()
                .expectLine(EHLO).send(ehlo("PIPELINING", "AUTH PLAIN", "REQUIRETLS"))
                .expectLine(SmtpServers.AUTH_PLAIN).send("235 2.7.0 ok\r\n")
                .expectLine("QUIT").send("221 bye\r\n").awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.startTls(script)) {
            SubmissionSession session = SmtpServers.client(RESOURCES.get())
                    .connect(ALICE, SmtpServers.targets(server, TransportMode.STARTTLS)).block(WAIT);
            assertThat(session.extensions()).containsExactly("PIPELINING", "AUTH", "REQUIRETLS")
                    .as("nothing learned before TLS survives").doesNotContain("SIZE", "STARTTLS");
            session.quit().block(WAIT);
            ScriptedConnection c = server.awaitScriptDone(WAIT);
            assertThat(c.cleartextReceivedText()).isEqualTo(EHLO + "\r\nSTARTTLS\r\n");
        }
    }

    @Test
    @DisplayName("TLS-15: STARTTLS missing from EHLO at level 1 is a typed error; nothing else is sent")
    void missing() throws Exception {
        Script script = Script.builder().send(GREETING).expectLine(EHLO).send(ehlo("AUTH PLAIN LOGIN", "PIPELINING"))
                .awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.startTls(script)) {
            expectConnectFailure(server, StartTlsUnavailableException.class);
            ScriptedConnection c = server.awaitConnection(0, WAIT);
            c.awaitClosed(WAIT);
            assertThat(c.cleartextReceivedText()).isEqualTo(EHLO + "\r\n");
            assertNothingSensitive(c);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"454 4.7.0 TLS not available due to temporary reason", "502 5.5.1 not implemented",
            "354 go ahead", "500 5.5.2 what?", "250 ok"})
    @DisplayName("TLS-15: STARTTLS refused (454, 502, 500) or answered wrongly (354, 250) is a typed error")
    void refused(String reply) throws Exception {
        Script script = Script.builder().send(GREETING).expectLine(EHLO).send(ehlo("STARTTLS", "AUTH PLAIN"))
                .expectLine("STARTTLS").send(reply + "\r\n").awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.startTls(script)) {
            expectConnectFailure(server, StartTlsUnavailableException.class);
            ScriptedConnection c = server.awaitConnection(0, WAIT);
            c.awaitClosed(WAIT);
            assertThat(c.cleartextReceivedText()).isEqualTo(EHLO + "\r\nSTARTTLS\r\n");
            assertNothingSensitive(c);
        }
    }

    @Test
    @DisplayName("TLS-15: a server that refuses EHLO (RFC 821 only) gets no HELO at level 1")
    void rfc821Only() throws Exception {
        Script script = Script.builder().send(GREETING).expectLine(EHLO).send("502 5.5.2 Error: command not recognized\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.startTls(script)) {
            expectConnectFailure(server, StartTlsUnavailableException.class);
            ScriptedConnection c = server.awaitConnection(0, WAIT);
            c.awaitClosed(WAIT);
            assertThat(c.cleartextReceivedText()).isEqualTo(EHLO + "\r\n");
        }
    }

    @Test
    @DisplayName("TLS-11: a forged EHLO list in the same segment as 220 aborts before TLS")
    void injectionSameSegment() throws Exception {
        Script script = Script.builder().send(GREETING).expectLine(EHLO).send(ehlo("STARTTLS"))
                .expectLine("STARTTLS")
                .send("220 2.0.0 Ready\r\n250-mail.example.test\r\n250 AUTH PLAIN\r\n").awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.startTls(script)) {
            expectConnectFailure(server, StartTlsInjectionException.class);
            ScriptedConnection c = server.awaitConnection(0, WAIT);
            c.awaitClosed(WAIT);
            assertThat(c.cleartextReceivedText()).isEqualTo(EHLO + "\r\nSTARTTLS\r\n");
            assertNothingSensitive(c);
        }
    }

    @Test
    @DisplayName("TLS-11: a forged EHLO list in a separate segment after 220 aborts the handshake")
    void injectionSeparateSegment() throws Exception {
        Script script = Script.builder().send(GREETING).expectLine(EHLO).send(ehlo("STARTTLS"))
                .expectLine("STARTTLS")
                .sendThenInject("220 2.0.0 Ready\r\n", "250-mail.example.test\r\n250 AUTH PLAIN\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.startTls(script)) {
            expectConnectFailure(server, StartTlsInjectionException.class);
            ScriptedConnection c = server.awaitConnection(0, WAIT);
            c.awaitClosed(WAIT);
            assertNothingSensitive(c);
        }
    }

    @Test
    @DisplayName("TLS-12: AUTH advertised only before TLS is ignored; the post-TLS list decides")
    void preTlsAuthIgnored() throws Exception {
        Script script = Script.builder().send(GREETING).expectLine(EHLO).send(ehlo("STARTTLS", "AUTH PLAIN LOGIN"))
                .expectLine("STARTTLS").send("220 go\r\n").startTls()
                .expectLine(EHLO).send(ehlo("AUTH XOAUTH2"))
                .expectLine("QUIT").send("221 bye\r\n").awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.startTls(script)) {
            SmtpServers.client(RESOURCES.get()).connect(ALICE, SmtpServers.targets(server, TransportMode.STARTTLS))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(AuthenticationUnavailableException.class)
                            .hasMessageContaining("XOAUTH2"))
                    .verify(WAIT);
            ScriptedConnection c = server.awaitScriptDone(WAIT);
            assertNothingSensitive(c);
        }
    }
}
