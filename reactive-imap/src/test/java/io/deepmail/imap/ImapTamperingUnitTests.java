package io.deepmail.imap;

import static io.deepmail.imap.ScriptedSessions.ALICE;
import static io.deepmail.imap.ScriptedSessions.PLAIN_IR;
import static io.deepmail.imap.ScriptedSessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.imap.response.FetchData;
import io.deepmail.imap.response.FetchResult;
import io.deepmail.imap.response.ListData;
import io.deepmail.imap.response.Untagged;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;

/**
 * Session-state tampering and UI spoofing before STARTTLS (TLS-13, RFC 9051 §11.3): untagged data
 * and response codes a man in the middle writes into the cleartext phase never reach the
 * authenticated session's state, its results, its update stream or its alerts; what the server
 * sends inside TLS does.
 */
class ImapTamperingUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    /** Every kind of untagged data, forged, in the greeting's segment, the CAPABILITY reply and the STARTTLS reply. */
    private static final String FORGED_DATA = "* 99 EXISTS\r\n* FLAGS (\\Forged)\r\n* LIST () \"/\" Forged\r\n"
            + "* STATUS INBOX (MESSAGES 99)\r\n* SEARCH 66 77\r\n* 5 EXPUNGE\r\n* 1 FETCH (FLAGS (\\Forged) UID 99)\r\n"
            + "* 1 FETCH (BODY[] {6}\r\nforged)\r\n";

    private static Script.Builder throughStartTls(String forged, String goAhead) {
        return Script.builder().send("* OK ready\r\n" + forged)
                .expectLine("A1 CAPABILITY").send(forged + "* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\nA1 OK\r\n")
                .expectLine("A2 STARTTLS").send(forged + goAhead).startTls();
    }

    @Test
    @DisplayName("TLS-13: untagged EXISTS, FLAGS, LIST, STATUS, SEARCH, EXPUNGE and FETCH before STARTTLS appear in no state, result or stream")
    void stateTampering() throws Exception {
        Script script = throughStartTls(FORGED_DATA, "A2 OK begin\r\n")
                .expectLine("A3 CAPABILITY").send("* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR\r\nA3 OK\r\n")
                .expectLine("A4 AUTHENTICATE PLAIN " + PLAIN_IR).send("A4 OK [CAPABILITY IMAP4rev1 IDLE] done\r\n")
                .expectLine("A5 LIST \"\" \"*\"").send("* LIST () \"/\" INBOX\r\nA5 OK\r\n")
                .expectLine("A6 SELECT INBOX").send("* 2 EXISTS\r\n* FLAGS (\\Seen)\r\nA6 OK [READ-WRITE] in\r\n")
                .expectLine("A7 STATUS INBOX (MESSAGES)").send("* STATUS INBOX (MESSAGES 2)\r\nA7 OK\r\n")
                .expectLine("A8 SEARCH ALL").send("* SEARCH 1 2\r\nA8 OK\r\n")
                .expectLine("A9 FETCH 1:2 (FLAGS UID)")
                .send("* 1 FETCH (FLAGS (\\Seen) UID 7)\r\n* 2 FETCH (FLAGS () UID 8)\r\nA9 OK\r\n")
                .expectLine("A10 EXPUNGE").send("A10 OK\r\n")
                .expectLine("A11 NOOP").send("A11 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.startTls(script)) {
            ImapSession session = ScriptedSessions.client(RESOURCES)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.STARTTLS)).block(WAIT);
            List<Untagged> updates = new CopyOnWriteArrayList<>();
            Disposable sub = session.updates().subscribe(updates::add, e -> { });

            assertThat(session.list("", "*", false).map(ListData::mailbox).collectList().block(WAIT))
                    .containsExactly("INBOX");
            MailboxState inbox = session.select("INBOX").block(WAIT);
            assertThat(inbox.exists()).isEqualTo(2);
            assertThat(inbox.flags()).containsExactly("\\Seen");
            assertThat(session.status("INBOX", "MESSAGES").block(WAIT).get("MESSAGES")).isEqualTo(2);
            assertThat(session.search("ALL", false).block(WAIT)).containsExactly(1L, 2L);
            List<FetchResult> fetched = session.fetch("1:2", false, "FLAGS", "UID").collectList().block(WAIT);
            assertThat(fetched).hasSize(2).allMatch(FetchData.class::isInstance);
            assertThat(fetched).extracting(r -> ((FetchData) r).uid()).containsExactly(7L, 8L);
            assertThat(session.expunge().collectList().block(WAIT)).isEmpty();
            session.noop().block(WAIT);
            sub.dispose();

            assertThat(updates).as("nothing from before TLS in the update stream").isEmpty();
            assertThat(session.capabilities()).doesNotContain("STARTTLS", "LOGINDISABLED");
            session.close().block(WAIT);
            ScriptedSessions.cleartextClean(server.awaitScriptDone(WAIT));
        }
    }

    @Test
    @DisplayName("TLS-13: ALERT, PARSE and BADCHARSET text before TLS is never delivered; ALERTs sent inside TLS reach alerts()")
    void uiSpoofing() throws Exception {
        String spoof = "* OK [ALERT] forged: your password expired, log in at evil.example\r\n"
                + "* NO [PARSE] forged parse warning\r\n* NO [BADCHARSET (FORGED)] forged charset text\r\n"
                + "* BAD [ALERT] forged bad\r\n";
        Script script = throughStartTls(spoof, "A2 OK [ALERT] forged go-ahead alert\r\n")
                .expectLine("A3 CAPABILITY")
                .send("* OK [ALERT] real alert one\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR\r\nA3 OK\r\n")
                .expectLine("A4 AUTHENTICATE PLAIN " + PLAIN_IR)
                .send("A4 OK [ALERT] real alert two\r\n")
                .expectLine("A5 CAPABILITY").send("* CAPABILITY IMAP4rev1\r\nA5 OK\r\n")
                .expectLine("A6 SEARCH CHARSET UTF-8 ALL").send("A6 NO [BADCHARSET (US-ASCII)] real charset text\r\n")
                .expectLine("A7 NOOP").send("* NO [PARSE] real parse warning\r\n* OK [ALERT] real alert three\r\n"
                        + "A7 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.startTls(script)) {
            ImapSession session = ScriptedSessions.client(RESOURCES)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.STARTTLS)).block(WAIT);
            List<Untagged> updates = new CopyOnWriteArrayList<>();
            Disposable sub = session.updates().subscribe(updates::add, e -> { });
            Throwable refused = catchThrowable(() -> session.search("CHARSET UTF-8 ALL", false).block(WAIT));
            assertThat(refused).isInstanceOf(ImapNoException.class);
            ImapNoException charset = (ImapNoException) refused;
            assertThat(charset.responseCode()).isEqualTo("BADCHARSET");
            assertThat(charset.responseCodeArgument()).isEqualTo("(US-ASCII)");
            assertThat(charset.text()).isEqualTo("real charset text");
            session.noop().block(WAIT);
            sub.dispose();

            assertThat(session.alerts().take(3).collectList().block(WAIT))
                    .containsExactly("real alert one", "real alert two", "real alert three");
            assertThat(updates.toString()).doesNotContain("forged").contains("real parse warning");
            session.close().block(WAIT);
            assertThat(session.alerts().collectList().block(WAIT)).noneMatch(a -> a.contains("forged"));
            ScriptedSessions.cleartextClean(server.awaitScriptDone(WAIT));
        }
    }

    @Test
    @DisplayName("TLS-13: on Implicit TLS the greeting is inside TLS, so its ALERT is delivered")
    void implicitGreetingAlert() throws Exception {
        Script script = Script.builder().send("* OK [ALERT] maintenance at 22:00 UTC\r\n")
                .expectLine("A1 CAPABILITY").send("* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR\r\nA1 OK\r\n")
                .expectLine("A2 AUTHENTICATE PLAIN " + PLAIN_IR).send("A2 OK [CAPABILITY IMAP4rev1] done\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = ScriptedSessions.client(RESOURCES)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            session.close().block(WAIT);
            assertThat(session.alerts().collectList().block(WAIT)).containsExactly("maintenance at 22:00 UTC");
            server.awaitScriptDone(WAIT);
        }
    }
}
