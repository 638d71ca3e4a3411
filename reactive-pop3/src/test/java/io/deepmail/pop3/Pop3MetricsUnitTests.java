package io.deepmail.pop3;

import io.deepmail.core.testkit.RecordingMetrics;
import static io.deepmail.pop3.Pop3Fixture.ALICE;
import static io.deepmail.pop3.Pop3Fixture.CA;
import static io.deepmail.pop3.Pop3Fixture.HOST;
import static io.deepmail.pop3.Pop3Fixture.PLAIN_IR;
import static io.deepmail.pop3.Pop3Fixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.deepmail.core.Account;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import io.deepmail.metrics.micrometer.MicrometerMailClientMetricsRecorder;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every POP3 command is recorded by verb and final status, inside COMMAND and AUTHENTICATION phases. */
class Pop3MetricsUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static Pop3Client client(UnaryOperator<MailTransport> metrics, Pop3ClientOptions options)
            throws Exception {
        return Pop3Client.create(metrics.apply(MailTransport.create(RESOURCES.get())))
                .tls(TlsOptions.builder().trustAnchors(TrustAnchors.of(CA.certificate())).build())
                .resolver(AddressResolver.of(Map.of(HOST, List.of(InetAddress.getByName("127.0.0.1")))))
                .options(options);
    }

    private static Pop3Client client(RecordingMetrics metrics) throws Exception {
        return client(t -> t.metrics(metrics), Pop3ClientOptions.defaults());
    }

    @Test
    @DisplayName("CAPA, AUTH PLAIN, STAT, RETR refused, RETR cancelled mid-stream, NOOP, QUIT: one record each")
    void commandsAndPhases() throws Exception {
        String body = ("x".repeat(70) + "\r\n").repeat(2000);
        Script script = Script.builder().send("+OK ready\r\n")
                .expectLine("CAPA").send("+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n")
                .expectLine(PLAIN_IR).send("+OK logged in\r\n")
                .expectLine("STAT").send("+OK 1 140000\r\n")
                .expectLine("RETR 9").send("-ERR no such message\r\n")
                .expectLine("RETR 1")
                .sendSeparately("+OK\r\n" + body.substring(0, 1000), body.substring(1000), ".\r\n")
                .expectLine("NOOP").send("+OK\r\n")
                .expectLine("QUIT").send("+OK bye\r\n")
                .awaitClose().build();
        RecordingMetrics metrics = new RecordingMetrics();
        try (ScriptedTlsServer server = Pop3Fixture.implicit(script)) {
            Pop3Session session = client(t -> t.metrics(metrics), Pop3ClientOptions.builder().chunkSize(512).build())
                    .connect(ALICE, Pop3Fixture.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            session.authenticate().block(WAIT);
            session.stat().block(WAIT);
            assertThat(catchThrowable(() -> Pop3Fixture.text(session.retr(9)).block(WAIT)))
                    .isInstanceOf(Pop3ErrException.class);
            session.retr(1).take(1).doOnNext(ByteBuf::release).blockLast(WAIT);
            session.noop().block(WAIT);
            session.quit().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
        assertThat(metrics.commandLines()).containsExactly("CAPA +OK", "AUTH +OK", "STAT +OK", "RETR -ERR",
                "RETR CANCELLED", "NOOP +OK", "QUIT +OK");
        assertThat(metrics.commands).allSatisfy(c -> assertThat(c.protocol()).isEqualTo(MailProtocol.POP3));
        assertThat(metrics.phases).containsExactly("COMMAND CAPA succeeded", "COMMAND AUTH succeeded",
                "AUTHENTICATION PLAIN succeeded", "COMMAND STAT succeeded", "COMMAND RETR failed Pop3ErrException",
                "COMMAND RETR cancelled", "COMMAND NOOP succeeded", "COMMAND QUIT succeeded");
        assertThat(metrics.problems).isEmpty();
    }

    @Test
    @DisplayName("STLS, then USER and PASS refused: recorded as the verbs USER and PASS, never their arguments")
    void stlsAndUserPass() throws Exception {
        Script script = Script.builder().send("+OK ready\r\n")
                .expectLine("CAPA").send("+OK\r\nSTLS\r\n.\r\n")
                .expectLine("STLS").send("+OK begin\r\n").startTls()
                .expectLine("CAPA").send("+OK\r\nUSER\r\n.\r\n")
                .expectLine("USER alice").send("+OK\r\n")
                .expectLine("PASS s3cret").send("-ERR [AUTH] wrong\r\n")
                .awaitClose().build();
        RecordingMetrics metrics = new RecordingMetrics();
        try (ScriptedTlsServer server = Pop3Fixture.cleartext(script)) {
            Pop3Session session = client(metrics)
                    .connect(ALICE, Pop3Fixture.targets(server, TransportMode.STARTTLS)).block(WAIT);
            assertThat(catchThrowable(() -> session.authenticate().block(WAIT))).isInstanceOf(Pop3ErrException.class);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
        assertThat(metrics.commandLines()).containsExactly("CAPA +OK", "STLS +OK", "CAPA +OK", "USER +OK",
                "PASS -ERR");
        assertThat(metrics.phases).containsExactly("COMMAND CAPA succeeded", "COMMAND STLS succeeded",
                "COMMAND CAPA succeeded", "COMMAND USER succeeded", "COMMAND PASS failed Pop3ErrException",
                "AUTHENTICATION USER failed Pop3ErrException");
        assertThat(metrics.commands).extracting(RecordingMetrics.Command::verb)
                .allSatisfy(v -> assertThat(v).doesNotContain("alice", "s3cret", " "));
        assertThat(metrics.problems).isEmpty();
    }

    @Test
    @DisplayName("APOP at level 0 is its own verb and mechanism; an unanswered NOOP is TIMEOUT; STLS refused is -ERR")
    void apopTimeoutAndStlsRefused() throws Exception {
        Script apop = Script.builder().send("+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>\r\n")
                .expectLine("CAPA").send("-ERR\r\n")
                .expectLine("APOP mrose c4c9334bac560ecc979e58001b3e22fb").send("+OK\r\n")
                .expectLine("NOOP")
                .awaitClose().build();
        Script refused = Script.builder().send("+OK ready\r\n")
                .expectLine("CAPA").send("+OK\r\nSTLS\r\n.\r\n")
                .expectLine("STLS").send("-ERR not now\r\n")
                .awaitClose().build();
        Account.Builder b = Account.builder("mrose@example.test")
                .credentials(CredentialsProvider.of(new Credentials.Password("mrose", "tanstaaf")))
                .cleartextConsent(true);
        b.lowerMinimumLevel(ConfidentialityLevel.NONE);
        RecordingMetrics metrics = new RecordingMetrics();
        try (ScriptedTlsServer server = Pop3Fixture.cleartext(apop)) {
            Pop3Session session = client(t -> t.metrics(metrics), Pop3ClientOptions.builder()
                    .responseTimeout(Duration.ofMillis(300)).build())
                    .connect(b.build(), Pop3Fixture.targets(server, TransportMode.PLAINTEXT)).block(WAIT);
            session.authenticate(Pop3AuthMethod.APOP).block(WAIT);
            assertThat(catchThrowable(() -> session.noop().block(WAIT))).isInstanceOf(MailTimeoutException.class);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
        try (ScriptedTlsServer server = Pop3Fixture.cleartext(refused)) {
            assertThat(catchThrowable(() -> client(metrics)
                    .connect(ALICE, Pop3Fixture.targets(server, TransportMode.STARTTLS)).block(WAIT))).isNotNull();
            server.awaitScriptDone(WAIT);
        }
        assertThat(metrics.commandLines()).containsExactly("CAPA -ERR", "APOP +OK", "NOOP TIMEOUT", "CAPA +OK",
                "STLS -ERR");
        assertThat(metrics.phases).contains("AUTHENTICATION APOP succeeded", "COMMAND NOOP failed MailTimeoutException",
                "COMMAND STLS failed Pop3ErrException");
        assertThat(metrics.problems).isEmpty();
    }

    @Test
    @DisplayName("with the Micrometer recorder, mail.client.command.duration has one timer per POP3 verb and status")
    void micrometer() throws Exception {
        Script script = Script.builder().send("+OK ready\r\n")
                .expectLine("CAPA").send("+OK\r\nSASL PLAIN\r\n.\r\n")
                .expectLine(PLAIN_IR).send("+OK\r\n")
                .expectLine("STAT").send("+OK 0 0\r\n")
                .expectLine("DELE 1").send("-ERR no such message\r\n")
                .expectLine("QUIT").send("+OK\r\n")
                .awaitClose().build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerMailClientMetricsRecorder recorder = MicrometerMailClientMetricsRecorder.create(registry);
        try (ScriptedTlsServer server = Pop3Fixture.implicit(script)) {
            Pop3Session session = client(recorder::instrument, Pop3ClientOptions.defaults())
                    .connect(ALICE, Pop3Fixture.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            session.authenticate().block(WAIT);
            session.stat().block(WAIT);
            assertThat(catchThrowable(() -> session.dele(1).block(WAIT))).isInstanceOf(Pop3ErrException.class);
            session.quit().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
        List<String> timers = registry.find("mail.client.command.duration").timers().stream()
                .map(t -> t.getId().getTag("protocol") + " " + t.getId().getTag("verb") + " "
                        + t.getId().getTag("status") + " " + t.count())
                .sorted().toList();
        assertThat(timers).containsExactly("pop3 AUTH +OK 1", "pop3 CAPA +OK 1", "pop3 DELE -ERR 1",
                "pop3 QUIT +OK 1", "pop3 STAT +OK 1");
        Timer auth = registry.find("mail.client.authentication.duration").tag("mechanism", "PLAIN").timer();
        assertThat(auth).isNotNull();
        assertThat(auth.count()).isEqualTo(1);
    }
}
