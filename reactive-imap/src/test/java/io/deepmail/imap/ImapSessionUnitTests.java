package io.deepmail.imap;

import static io.deepmail.imap.ScriptedSessions.ALICE;
import static io.deepmail.imap.ScriptedSessions.PLAIN_IR;
import static io.deepmail.imap.ScriptedSessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.deepmail.core.StartTlsInjectionException;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.sasl.AuthenticationUnavailableException;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.imap.response.FetchChunk;
import io.deepmail.imap.response.FetchData;
import io.deepmail.imap.response.FetchResult;
import io.deepmail.imap.response.Untagged;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/** The IMAP session against scripted, partly hostile servers on loopback. */
class ImapSessionUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    @Test
    @DisplayName("Implicit TLS: AUTHENTICATE PLAIN with SASL-IR, SELECT, FETCH streams the body, cancel drains, NOOP still works")
    void implicitSession() throws Exception {
        String body = "Subject: hi\r\n\r\nHello world\r\n";
        Script script = Script.builder()
                .send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR LITERAL+ IDLE] ready\r\n")
                .expectLine("A1 AUTHENTICATE PLAIN " + PLAIN_IR)
                .send("A1 OK [CAPABILITY IMAP4rev1 IDLE LITERAL+ MOVE] done\r\n")
                .expectLine("A2 SELECT INBOX")
                .send("* 2 EXISTS\r\n* FLAGS (\\Seen \\Deleted)\r\n* OK [UIDVALIDITY 42] v\r\n* OK [UIDNEXT 9] n\r\n"
                        + "A2 OK [READ-WRITE] selected\r\n")
                .expectLine("A3 FETCH 1:2 (UID BODY.PEEK[])")
                .send("* 1 FETCH (UID 7 BODY[] {" + body.length() + "}\r\n" + body + ")\r\n")
                .send("* 2 FETCH (UID 8 BODY[] {" + body.length() + "}\r\n" + body + ")\r\nA3 OK done\r\n")
                .expectLine("A4 FETCH 1:2 (UID BODY.PEEK[])")
                .send("* 1 FETCH (UID 7 BODY[] {" + body.length() + "}\r\n" + body.substring(0, 5))
                .pause(java.time.Duration.ofMillis(100))
                .send(body.substring(5) + ")\r\n* 2 FETCH (UID 8 BODY[] {" + body.length() + "}\r\n" + body
                        + ")\r\nA4 OK done\r\n")
                .expectLine("A5 NOOP")
                .send("* 3 EXISTS\r\nA5 OK noop\r\n")
                .expectLine("A6 LOGOUT")
                .send("* BYE bye\r\nA6 OK done\r\n")
                .awaitClose()
                .build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = ScriptedSessions.client(RESOURCES)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            assertThat(session.state()).isEqualTo(ImapState.AUTHENTICATED);
            assertThat(session.capabilities()).contains("MOVE");
            MailboxState inbox = session.select("INBOX").block(WAIT);
            assertThat(inbox.exists()).isEqualTo(2);
            assertThat(inbox.uidValidity()).isEqualTo(42);
            assertThat(inbox.uidNext()).isEqualTo(9);
            assertThat(inbox.readOnly()).isFalse();

            List<FetchResult> all = session.fetch("1:2", false, "UID", "BODY.PEEK[]").collectList().block(WAIT);
            StringBuilder first = new StringBuilder();
            for (FetchResult r : all) {
                if (r instanceof FetchChunk c) {
                    if (c.sequence() == 1) {
                        first.append(c.content().toString(StandardCharsets.UTF_8));
                    }
                    c.release();
                }
            }
            assertThat(first.toString()).isEqualTo(body);
            assertThat(all.stream().filter(FetchData.class::isInstance).map(r -> ((FetchData) r).uid()))
                    .containsExactly(7L, 8L);

            // cancel after the first chunk: the engine drains to A4's tagged line
            session.fetch("1:2", false, "UID", "BODY.PEEK[]").take(1)
                    .doOnNext(r -> ((FetchChunk) r).release())
                    .as(StepVerifier::create).expectNextCount(1).expectComplete().verify(WAIT);
            List<Untagged> updates = new CopyOnWriteArrayList<>();
            Disposable sub = session.updates().subscribe(updates::add, e -> { });
            session.noop().block(WAIT);
            session.logout().block(WAIT);
            sub.dispose();
            assertThat(updates).hasSize(1);
            server.awaitScriptDone(WAIT);
            assertThat(server.connections().get(0).closeNotifyReceived()).isTrue();
        }
    }

    @Test
    @DisplayName("TLS-12, TLS-13: pre-TLS ALERT, LIST, EXISTS and capabilities never reach the session")
    void preTlsDataDropped() throws Exception {
        Script script = Script.builder()
                .send("* OK [ALERT] forged alert\r\n")
                .expectLine("A1 CAPABILITY")
                .send("* LIST () \"/\" Forged\r\n* 9 EXISTS\r\n* OK [ALERT] forged\r\n"
                        + "* CAPABILITY IMAP4rev1 STARTTLS X-PRE\r\nA1 OK\r\n")
                .expectLine("A2 STARTTLS").send("A2 OK begin\r\n").startTls()
                .expectLine("A3 CAPABILITY").send("* CAPABILITY IMAP4rev1 AUTH=PLAIN X-POST\r\nA3 OK\r\n")
                .expectLine("A4 NOOP").send("A4 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.startTls(script)) {
            ImapSession session = ScriptedSessions.client(RESOURCES)
                    .establish(ALICE, ScriptedSessions.targets(server, TransportMode.STARTTLS)).block(WAIT);
            assertThat(session.capabilities()).contains("X-POST").doesNotContain("X-PRE", "STARTTLS");
            List<Untagged> updates = new CopyOnWriteArrayList<>();
            Disposable sub = session.updates().subscribe(updates::add, e -> { });
            session.noop().block(WAIT);
            sub.dispose();
            assertThat(updates).isEmpty();
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("TLS-14: with LOGINDISABLED and no AUTH= mechanism, no LOGIN byte is sent: AuthenticationUnavailableException")
    void loginDisabled() throws Exception {
        Script script = Script.builder()
                .send("* OK ready\r\n")
                .expectLine("A1 CAPABILITY").send("* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\nA1 OK\r\n")
                .expectLine("A2 STARTTLS").send("A2 OK begin\r\n").startTls()
                .expectLine("A3 CAPABILITY").send("* CAPABILITY IMAP4rev1 LOGINDISABLED\r\nA3 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.startTls(script)) {
            Throwable failure = catchThrowable(() -> ScriptedSessions.client(RESOURCES)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.STARTTLS)).block(WAIT));
            assertThat(failure).isInstanceOf(AuthenticationUnavailableException.class);
            server.awaitScriptDone(WAIT);
            assertThat(server.connections().get(0).tlsReceivedText()).doesNotContain("LOGIN ").doesNotContain("s3cret");
            assertThat(server.connections().get(0).cleartextReceivedText())
                    .isEqualTo("A1 CAPABILITY\r\nA2 STARTTLS\r\n");
        }
    }

    @Test
    @DisplayName("TLS-17: a PREAUTH greeting is refused on Implicit TLS and on STARTTLS, before any command")
    void preauth() throws Exception {
        Script script = Script.builder().send("* PREAUTH [CAPABILITY IMAP4rev1] welcome\r\n").awaitClose().build();
        try (ScriptedTlsServer implicit = ScriptedSessions.implicit(script);
                ScriptedTlsServer startTls = ScriptedSessions.startTls(script)) {
            Throwable a = catchThrowable(() -> ScriptedSessions.client(RESOURCES)
                    .establish(ALICE, ScriptedSessions.targets(implicit, TransportMode.IMPLICIT)).block(WAIT));
            assertThat(ScriptedSessions.reason(a)).isInstanceOf(TlsPolicyException.class)
                    .hasMessageContaining("PREAUTH");
            Throwable b = catchThrowable(() -> ScriptedSessions.client(RESOURCES)
                    .establish(ALICE, ScriptedSessions.targets(startTls, TransportMode.STARTTLS)).block(WAIT));
            assertThat(ScriptedSessions.reason(b)).isInstanceOf(StartTlsUnavailableException.class);
            implicit.awaitScriptDone(WAIT);
            startTls.awaitScriptDone(WAIT);
            assertThat(implicit.connections().get(0).tlsReceivedText()).isEmpty();
            assertThat(startTls.connections().get(0).cleartextReceivedText()).isEmpty();
        }
    }

    @Test
    @DisplayName("TLS-11: a forged CAPABILITY in the STARTTLS go-ahead's segment aborts with StartTlsInjectionException")
    void injection() throws Exception {
        Script script = Script.builder()
                .send("* OK ready\r\n")
                .expectLine("A1 CAPABILITY").send("* CAPABILITY IMAP4rev1 STARTTLS\r\nA1 OK\r\n")
                .expectLine("A2 STARTTLS").send("A2 OK begin\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.startTls(script)) {
            Throwable failure = catchThrowable(() -> ScriptedSessions.client(RESOURCES)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.STARTTLS)).block(WAIT));
            assertThat(ScriptedSessions.reason(failure)).isInstanceOf(StartTlsInjectionException.class);
            server.awaitScriptDone(WAIT);
            assertThat(server.connections().get(0).cleartextReceivedText()).doesNotContain("s3cret", "LOGIN");
        }
    }

    @Test
    @DisplayName("TLS-15: no STARTTLS capability, or STARTTLS answered NO or BAD, fails before any credential")
    void stripping() throws Exception {
        for (String variant : List.of("none", "NO", "BAD")) {
            Script.Builder b = Script.builder().send("* OK ready\r\n").expectLine("A1 CAPABILITY");
            Script script = variant.equals("none")
                    ? b.send("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\nA1 OK\r\n").awaitClose().build()
                    : b.send("* CAPABILITY IMAP4rev1 STARTTLS\r\nA1 OK\r\n").expectLine("A2 STARTTLS")
                            .send("A2 " + variant + " not now\r\n").awaitClose().build();
            try (ScriptedTlsServer server = ScriptedSessions.startTls(script)) {
                Throwable failure = catchThrowable(() -> ScriptedSessions.client(RESOURCES)
                        .connect(ALICE, ScriptedSessions.targets(server, TransportMode.STARTTLS)).block(WAIT));
                assertThat(ScriptedSessions.reason(failure)).as(variant)
                        .isInstanceOf(StartTlsUnavailableException.class);
                server.awaitScriptDone(WAIT);
                assertThat(server.connections().get(0).cleartextReceivedText()).doesNotContain("s3cret", "LOGIN");
            }
        }
    }

    @Test
    @DisplayName("a BYE greeting is an ImapByeException")
    void byeGreeting() throws Exception {
        Script script = Script.builder().send("* BYE [UNAVAILABLE] overloaded\r\n").awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            Throwable failure = catchThrowable(() -> ScriptedSessions.client(RESOURCES)
                    .establish(ALICE, ScriptedSessions.targets(server, TransportMode.IMPLICIT)).block(WAIT));
            assertThat(ScriptedSessions.reason(failure)).isInstanceOf(ImapByeException.class);
            assertThat(((ImapByeException) ScriptedSessions.reason(failure)).responseCode()).isEqualTo("UNAVAILABLE");
        }
    }
}
