package io.deepmail.submission;

import static io.deepmail.submission.SmtpServers.ALICE;
import static io.deepmail.submission.SmtpServers.GREETING;
import static io.deepmail.submission.SmtpServers.WAIT;
import static io.deepmail.submission.SubmissionSessionUnitTests.reason;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.TransportMode;
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
 * A session against a server whose replies are hostile: an endless multi-line reply and malformed
 * reply codes are a typed {@link ProtocolViolationException}, read within the decoder's bounds,
 * with no hang and nothing sent after them.
 */
class HostileReplyUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final String EHLO = "EHLO [127.0.0.1]";

    @Test
    @DisplayName("an endless 250- continuation stops at the line limit: typed, bounded, no hang")
    void endlessMultiLineReply() throws Exception {
        StringBuilder lines = new StringBuilder();
        lines.append("250-mail.example.test\r\n");
        for (int i = 0; i < 50_000; i++) {
            lines.append("250-X-FILLER-").append(i).append("\r\n");
        }
        Script.Builder script = Script.builder().send(GREETING).expectLine(EHLO);
        for (int i = 0; i < 20; i++) {
            script.send(lines.toString());
        }
        try (ScriptedTlsServer server = SmtpServers.implicit(script.awaitClose().build())) {
            SmtpServers.client(RESOURCES.get()).send(ALICE, SmtpServers.targets(server, TransportMode.IMPLICIT),
                            Envelope.of("alice@example.test", "bob@example.test"),
                            SubmissionSessionUnitTests.body("body\r\n"))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(reason(e)).isInstanceOf(ProtocolViolationException.class)
                            .hasMessageContaining("exceeds 128 lines"))
                    .verify(WAIT);
            ScriptedConnection c = server.awaitConnection(0, WAIT);
            c.awaitClosed(WAIT);
            assertThat(c.tlsReceivedText()).isEqualTo(EHLO + "\r\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2x0 ok", "25 ok", "2500 ok", "250ok", "650 ok", "099 ok", "250_ok", "abc", ""})
    @DisplayName("a malformed reply code at EHLO is a typed protocol violation; nothing follows")
    void malformedCodeAtEhlo(String reply) throws Exception {
        Script script = Script.builder().send(GREETING).expectLine(EHLO).send(reply + "\r\n").awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.implicit(script)) {
            SmtpServers.client(RESOURCES.get()).connect(ALICE, SmtpServers.targets(server, TransportMode.IMPLICIT))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(reason(e)).isInstanceOf(ProtocolViolationException.class))
                    .verify(WAIT);
            ScriptedConnection c = server.awaitConnection(0, WAIT);
            c.awaitClosed(WAIT);
            assertThat(c.tlsReceivedText()).isEqualTo(EHLO + "\r\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2x0 ok", "25O ok", "250\tok"})
    @DisplayName("a malformed reply code at the greeting and inside a transaction is a typed protocol violation")
    void malformedCodeElsewhere(String reply) throws Exception {
        Script greeting = Script.builder().send(reply + "\r\n").awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.implicit(greeting)) {
            SmtpServers.client(RESOURCES.get()).connect(ALICE, SmtpServers.targets(server, TransportMode.IMPLICIT))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(reason(e)).isInstanceOf(ProtocolViolationException.class))
                    .verify(WAIT);
            ScriptedConnection c = server.awaitConnection(0, WAIT);
            c.awaitClosed(WAIT);
            assertThat(c.tlsReceived()).isEmpty();
        }
        Script rcpt = SmtpServers.authenticated("AUTH PLAIN").expectLine("MAIL FROM:<alice@example.test>")
                .send("250 ok\r\n").expectLine("RCPT TO:<bob@example.test>").send(reply + "\r\n").awaitClose()
                .build();
        try (ScriptedTlsServer server = SmtpServers.implicit(rcpt)) {
            SmtpServers.client(RESOURCES.get()).send(ALICE, SmtpServers.targets(server, TransportMode.IMPLICIT),
                            Envelope.of("alice@example.test", "bob@example.test"),
                            SubmissionSessionUnitTests.body("secret body\r\n"))
                    .as(StepVerifier::create)
                    .expectError(ProtocolViolationException.class)
                    .verify(WAIT);
            ScriptedConnection c = server.awaitConnection(0, WAIT);
            c.awaitClosed(WAIT);
            assertThat(c.tlsReceivedText()).doesNotContain("DATA").doesNotContain("secret body");
        }
    }
}
