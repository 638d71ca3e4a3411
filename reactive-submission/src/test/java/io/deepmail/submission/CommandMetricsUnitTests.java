package io.deepmail.submission;

import static io.deepmail.submission.SmtpServers.ALICE;
import static io.deepmail.submission.SmtpServers.GREETING;
import static io.deepmail.submission.SmtpServers.WAIT;
import static io.deepmail.submission.SmtpServers.ehlo;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Every command the session sends is recorded once, with its final reply code, through the
 * transport's metrics recorder; authentication is a phase.
 */
class CommandMetricsUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final String EHLO = "EHLO [127.0.0.1]";

    private static Flux<ByteBuf> body(String text) {
        return Flux.defer(() -> Flux.just(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("STARTTLS, pipelined MAIL/RCPT/DATA: one record per command, DATA ends with the reply to the content")
    void startTlsAndPipelinedData() throws Exception {
        Script script = Script.builder().send(GREETING).expectLine(EHLO).send(ehlo("STARTTLS"))
                .expectLine("STARTTLS").send("220 2.0.0 Ready to start TLS\r\n").startTls()
                .expectLine(EHLO).send(ehlo("PIPELINING", "AUTH PLAIN"))
                .expectLine(SmtpServers.AUTH_PLAIN).send("235 2.7.0 ok\r\n")
                .expectLine("MAIL FROM:<alice@example.test>").expectLine("RCPT TO:<bob@example.test>")
                .expectLine("RCPT TO:<eve@elsewhere.test>").expectLine("DATA")
                .send("250 ok\r\n250 ok\r\n554 5.7.1 Relay access denied\r\n354 go\r\n")
                .expectLine("hello").expectLine(".").send("250 2.0.0 Ok: queued as Q1234\r\n")
                .expectLine("QUIT").send("221 bye\r\n").awaitClose().build();
        RecordingMetrics metrics = new RecordingMetrics();
        try (ScriptedTlsServer server = SmtpServers.startTls(script)) {
            SubmissionResult result = SmtpServers.client(RESOURCES.get(), metrics)
                    .send(ALICE, SmtpServers.targets(server, TransportMode.STARTTLS),
                            Envelope.builder("alice@example.test").to("bob@example.test").to("eve@elsewhere.test")
                                    .build(), body("hello"))
                    .block(WAIT);
            assertThat(result.queueId()).isEqualTo("Q1234");
            server.awaitScriptDone(WAIT);
        }
        assertThat(metrics.commands).containsExactly("EHLO 250", "STARTTLS 220", "EHLO 250", "AUTH 235", "MAIL 250",
                "RCPT 250", "RCPT 554", "DATA 250", "QUIT 221");
        assertThat(metrics.durations).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ZERO));
        assertThat(metrics.authentication()).containsExactly("AUTHENTICATION PLAIN started", "AUTHENTICATION PLAIN succeeded");
    }

    @Test
    @DisplayName("NOOP, RSET and each BDAT chunk are recorded; QUIT too")
    void noopResetBdat() throws Exception {
        Script script = SmtpServers.authenticated("PIPELINING", "CHUNKING", "AUTH PLAIN")
                .expectLine("NOOP").send("250 2.0.0 ok\r\n")
                .expectLine("RSET").send("250 2.0.0 ok\r\n")
                .expectLine("MAIL FROM:<alice@example.test>").expectLine("RCPT TO:<bob@example.test>")
                .send("250 ok\r\n250 ok\r\n")
                .expectLine("BDAT 2").expectLine("boBDAT 4").expectLine("dy")
                .expectLine("BDAT 0 LAST")
                .send("250 2.0.0 chunk\r\n250 2.0.0 chunk\r\n250 2.0.0 Ok: queued as B1\r\n")
                .expectLine("QUIT").send("221 bye\r\n").awaitClose().build();
        RecordingMetrics metrics = new RecordingMetrics();
        try (ScriptedTlsServer server = SmtpServers.implicit(script)) {
            SubmissionSession session = SmtpServers.client(RESOURCES.get(), metrics)
                    .connect(ALICE, SmtpServers.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            session.noop().block(WAIT);
            session.reset().block(WAIT);
            session.send(Envelope.of("alice@example.test", "bob@example.test"),
                    Flux.defer(() -> Flux.just(Unpooled.copiedBuffer("bo", StandardCharsets.US_ASCII),
                            Unpooled.copiedBuffer("dy\r\n", StandardCharsets.US_ASCII)))).block(WAIT);
            session.quit().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
        assertThat(metrics.commands).containsExactly("EHLO 250", "AUTH 235", "NOOP 250", "RSET 250", "MAIL 250",
                "RCPT 250", "BDAT 250", "BDAT 250", "BDAT 250", "QUIT 221");
    }

    @Test
    @DisplayName("AUTH LOGIN refused: AUTH is recorded once with 535, not per challenge; the phase fails")
    void authRefused() throws Exception {
        Script script = Script.builder().send(GREETING).expectLine(EHLO).send(ehlo("AUTH LOGIN"))
                .expectLine("AUTH LOGIN").send("334 VXNlcm5hbWU6\r\n")
                .expectLine("username", l -> !l.isEmpty()).send("334 UGFzc3dvcmQ6\r\n")
                .expectLine("password", l -> !l.isEmpty()).send("535 5.7.8 Authentication failed\r\n")
                .expectLine("QUIT").send("221 bye\r\n").awaitClose().build();
        RecordingMetrics metrics = new RecordingMetrics();
        try (ScriptedTlsServer server = SmtpServers.implicit(script)) {
            SmtpServers.client(RESOURCES.get(), metrics)
                    .connect(ALICE, SmtpServers.targets(server, TransportMode.IMPLICIT))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(SmtpReplyException.class))
                    .verify(WAIT);
            server.awaitScriptDone(WAIT);
        }
        assertThat(metrics.commands).containsExactly("EHLO 250", "AUTH 535", "QUIT 221");
        assertThat(metrics.authentication()).containsExactly("AUTHENTICATION LOGIN started",
                "AUTHENTICATION LOGIN failed SmtpReplyException");
    }

    @Test
    @DisplayName("no recipient accepted: DATA's 354 is not final, the 554 to the bare terminator is")
    void dataAbortedRecordsFinalReply() throws Exception {
        Script script = SmtpServers.authenticated("PIPELINING", "AUTH PLAIN")
                .expectLine("MAIL FROM:<alice@example.test>").expectLine("RCPT TO:<eve@elsewhere.test>")
                .expectLine("DATA")
                .send("250 ok\r\n550 5.7.1 Relay access denied\r\n354 go ahead anyway\r\n")
                .expectLine(".").send("554 5.5.1 no valid recipients\r\n")
                .expectLine("QUIT").send("221 bye\r\n").awaitClose().build();
        RecordingMetrics metrics = new RecordingMetrics();
        try (ScriptedTlsServer server = SmtpServers.implicit(script)) {
            SmtpServers.client(RESOURCES.get(), metrics)
                    .send(ALICE, SmtpServers.targets(server, TransportMode.IMPLICIT),
                            Envelope.of("alice@example.test", "eve@elsewhere.test"), body("x"))
                    .as(StepVerifier::create)
                    .expectError(SmtpReplyException.class)
                    .verify(WAIT);
            server.awaitScriptDone(WAIT);
        }
        assertThat(metrics.commands).containsExactly("EHLO 250", "AUTH 235", "MAIL 250", "RCPT 550", "DATA 554",
                "QUIT 221");
    }

    @Test
    @DisplayName("connection cut during DATA: DATA is recorded once as ERROR, never as its 354")
    void cutDuringData() throws Exception {
        Script script = SmtpServers.authenticated("PIPELINING", "AUTH PLAIN")
                .expectLine("MAIL FROM:<alice@example.test>").expectLine("RCPT TO:<bob@example.test>")
                .expectLine("DATA").send("250 ok\r\n250 ok\r\n354 go\r\n")
                .expectLine("hello").close().build();
        RecordingMetrics metrics = new RecordingMetrics();
        try (ScriptedTlsServer server = SmtpServers.implicit(script)) {
            SmtpServers.client(RESOURCES.get(), metrics)
                    .send(ALICE, SmtpServers.targets(server, TransportMode.IMPLICIT),
                            Envelope.of("alice@example.test", "bob@example.test"),
                            Flux.defer(() -> Flux.just(Unpooled.copiedBuffer("hello\r\n", StandardCharsets.US_ASCII),
                                    Unpooled.copiedBuffer("more\r\n", StandardCharsets.US_ASCII))))
                    .as(StepVerifier::create)
                    .expectError()
                    .verify(WAIT);
            server.awaitScriptDone(WAIT);
        }
        assertThat(metrics.commands).startsWith("EHLO 250", "AUTH 235", "MAIL 250", "RCPT 250", "DATA ERROR")
                .doesNotContain("DATA 354");
    }
}
