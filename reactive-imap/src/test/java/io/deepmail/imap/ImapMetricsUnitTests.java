package io.deepmail.imap;

import io.deepmail.core.testkit.RecordingMetrics;
import static io.deepmail.imap.ScriptedSessions.ALICE;
import static io.deepmail.imap.ScriptedSessions.CA;
import static io.deepmail.imap.ScriptedSessions.HOST;
import static io.deepmail.imap.ScriptedSessions.PLAIN_IR;
import static io.deepmail.imap.ScriptedSessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import io.deepmail.metrics.micrometer.MicrometerMailClientMetricsRecorder;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every IMAP command is recorded by verb and final status, inside COMMAND and AUTHENTICATION phases. */
class ImapMetricsUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static ImapClient client(UnaryOperator<MailTransport> metrics, ImapClientOptions options)
            throws Exception {
        MailTransport transport = MailTransport.create(RESOURCES.get())
                .tls(TlsOptions.builder().trustAnchors(TrustAnchors.of(CA.certificate())).build());
        return ImapClient.create(metrics.apply(transport)).options(options)
                .resolver(AddressResolver.of(Map.of(HOST, List.of(InetAddress.getByName("127.0.0.1")))));
    }

    private static ImapClient client(MailClientMetricsRecorder recorder) throws Exception {
        return client(t -> t.metrics(recorder), ImapClientOptions.defaults());
    }

    @Test
    @DisplayName("AUTHENTICATE, SELECT refused and accepted, an IDLE refresh, an IDLE left by cancel, NOOP BAD, LOGOUT: "
            + "one record each with the tagged status, verbs only")
    void commandsAndPhases() throws Exception {
        Script script = Script.builder()
                .send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR IDLE] ready\r\n")
                .expectLine("A1 AUTHENTICATE PLAIN " + PLAIN_IR)
                .send("A1 OK [CAPABILITY IMAP4rev1 IDLE] done\r\n")
                .expectLine("A2 SELECT Secret").send("A2 NO [NONEXISTENT] no such mailbox\r\n")
                .expectLine("A3 SELECT INBOX")
                .send("* 1 EXISTS\r\n* FLAGS (\\Seen)\r\n* OK [UIDVALIDITY 42] v\r\nA3 OK [READ-WRITE] selected\r\n")
                .expectLine("A4 IDLE").send("+ idling\r\n")
                .expectLine("DONE").send("A4 OK refreshed\r\n")
                .expectLine("A5 IDLE").send("+ idling\r\n* 2 EXISTS\r\n")
                .expectLine("DONE").send("A5 OK left\r\n")
                .expectLine("A6 NOOP").send("A6 BAD not now\r\n")
                .expectLine("A7 LOGOUT").send("* BYE bye\r\nA7 OK done\r\n")
                .awaitClose()
                .build();
        RecordingMetrics metrics = new RecordingMetrics();
        ImapClientOptions options = ImapClientOptions.defaults().mutate().idleRefresh(Duration.ofMillis(300)).build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = client(t -> t.metrics(metrics), options)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            assertThat(catchThrowable(() -> session.select("Secret").block(WAIT))).isInstanceOf(ImapNoException.class);
            session.select("INBOX").block(WAIT);
            assertThat(session.idle().take(1).collectList().block(WAIT)).hasSize(1);
            assertThat(catchThrowable(() -> session.noop().block(WAIT))).isInstanceOf(ImapBadException.class);
            session.logout().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
        assertThat(metrics.commandLines()).containsExactly("AUTHENTICATE OK", "SELECT NO", "SELECT OK", "IDLE OK",
                "IDLE CANCELLED", "NOOP BAD", "LOGOUT OK");
        assertThat(metrics.commands).allSatisfy(c -> assertThat(c.protocol()).isEqualTo(MailProtocol.IMAP));
        assertThat(metrics.commands.get(3).duration()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(metrics.phases).containsExactly(
                "COMMAND AUTHENTICATE succeeded", "AUTHENTICATION PLAIN succeeded",
                "COMMAND SELECT failed ImapNoException", "COMMAND SELECT succeeded",
                "COMMAND IDLE succeeded", "COMMAND IDLE cancelled",
                "COMMAND NOOP failed ImapBadException", "COMMAND LOGOUT succeeded");
        assertThat(metrics.problems).isEmpty();
    }

    @Test
    @DisplayName("STARTTLS and the LOGIN fallback: CAPABILITY, STARTTLS, CAPABILITY, LOGIN NO; no argument is recorded")
    void startTlsAndLogin() throws Exception {
        Script script = Script.builder()
                .send("* OK ready\r\n")
                .expectLine("A1 CAPABILITY").send("* CAPABILITY IMAP4rev1 STARTTLS\r\nA1 OK\r\n")
                .expectLine("A2 STARTTLS").send("A2 OK begin\r\n").startTls()
                .expectLine("A3 CAPABILITY").send("* CAPABILITY IMAP4rev1\r\nA3 OK\r\n")
                .expectLine(l -> l.startsWith("A4 LOGIN ")).send("A4 NO [AUTHENTICATIONFAILED] wrong\r\n")
                .awaitClose()
                .build();
        RecordingMetrics metrics = new RecordingMetrics();
        try (ScriptedTlsServer server = ScriptedSessions.startTls(script)) {
            Throwable failure = catchThrowable(() -> client(metrics)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.STARTTLS)).block(WAIT));
            assertThat(failure).isNotNull();
            server.awaitScriptDone(WAIT);
        }
        assertThat(metrics.commandLines()).containsExactly("CAPABILITY OK", "STARTTLS OK", "CAPABILITY OK",
                "LOGIN NO");
        assertThat(metrics.phases).containsExactly("COMMAND CAPABILITY succeeded", "COMMAND STARTTLS succeeded",
                "COMMAND CAPABILITY succeeded", "COMMAND LOGIN failed ImapNoException",
                "AUTHENTICATION LOGIN failed ImapNoException");
        assertThat(metrics.commands).allSatisfy(c -> assertThat(c.verb()).doesNotContain("alice", "s3cret"));
        assertThat(metrics.problems).isEmpty();
    }

    @Test
    @DisplayName("a STARTTLS answered NO is recorded as NO, and the server closing during NOOP as ERROR")
    void refusedAndDropped() throws Exception {
        Script refused = Script.builder()
                .send("* OK ready\r\n")
                .expectLine("A1 CAPABILITY").send("* CAPABILITY IMAP4rev1 STARTTLS\r\nA1 OK\r\n")
                .expectLine("A2 STARTTLS").send("A2 NO not now\r\n")
                .awaitClose().build();
        Script dropped = Script.builder()
                .send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\r\n")
                .expectLine("A1 AUTHENTICATE PLAIN " + PLAIN_IR).send("A1 OK [CAPABILITY IMAP4rev1] done\r\n")
                .expectLine("A2 NOOP").close()
                .build();
        RecordingMetrics metrics = new RecordingMetrics();
        try (ScriptedTlsServer server = ScriptedSessions.startTls(refused)) {
            assertThat(catchThrowable(() -> client(metrics)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.STARTTLS)).block(WAIT)))
                    .isNotNull();
            server.awaitScriptDone(WAIT);
        }
        try (ScriptedTlsServer server = ScriptedSessions.implicit(dropped)) {
            ImapSession session = client(metrics)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            assertThat(catchThrowable(() -> session.noop().block(WAIT))).isNotNull();
            server.awaitScriptDone(WAIT);
            session.close().block(WAIT);
        }
        assertThat(metrics.commandLines()).containsExactly("CAPABILITY OK", "STARTTLS NO", "AUTHENTICATE OK",
                "NOOP ERROR");
        assertThat(metrics.phases).contains("COMMAND STARTTLS failed ImapNoException")
                .anyMatch(p -> p.startsWith("COMMAND NOOP failed "));
        assertThat(metrics.problems).isEmpty();
    }

    @Test
    @DisplayName("with the Micrometer recorder, mail.client.command.duration has one timer per IMAP verb and status")
    void micrometer() throws Exception {
        Script script = Script.builder()
                .send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\r\n")
                .expectLine("A1 AUTHENTICATE PLAIN " + PLAIN_IR).send("A1 OK [CAPABILITY IMAP4rev1] done\r\n")
                .expectLine("A2 SELECT INBOX").send("* 0 EXISTS\r\nA2 OK [READ-WRITE] selected\r\n")
                .expectLine("A3 NOOP").send("A3 NO busy\r\n")
                .expectLine("A4 LOGOUT").send("* BYE bye\r\nA4 OK done\r\n")
                .awaitClose().build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerMailClientMetricsRecorder recorder = MicrometerMailClientMetricsRecorder.create(registry);
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = client(recorder::instrument, ImapClientOptions.defaults())
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            session.select("INBOX").block(WAIT);
            assertThat(catchThrowable(() -> session.noop().block(WAIT))).isInstanceOf(ImapNoException.class);
            session.logout().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
        List<String> timers = registry.find("mail.client.command.duration").timers().stream()
                .map(t -> t.getId().getTag("protocol") + " " + t.getId().getTag("verb") + " "
                        + t.getId().getTag("status") + " " + t.count())
                .sorted().toList();
        assertThat(timers).containsExactly("imap AUTHENTICATE OK 1", "imap LOGOUT OK 1", "imap NOOP NO 1",
                "imap SELECT OK 1");
        Timer auth = registry.find("mail.client.authentication.duration").tag("mechanism", "PLAIN").timer();
        assertThat(auth).isNotNull();
        assertThat(auth.count()).isEqualTo(1);
    }
}
