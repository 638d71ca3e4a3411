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
import io.deepmail.imap.response.ESearchData;
import io.deepmail.imap.response.NamespaceData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ID, ENABLE, NAMESPACE, ESEARCH, UID EXPUNGE, UNSELECT and CLOSE against scripted servers. */
class ImapCommandsUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final String GREETING = "* OK [CAPABILITY IMAP4rev1 IMAP4rev2 AUTH=PLAIN SASL-IR ID ENABLE "
            + "CONDSTORE QRESYNC NAMESPACE UIDPLUS ESEARCH UNSELECT] ready\r\n";

    private static Script.Builder authenticated() {
        return Script.builder().send(GREETING).expectLine("A1 AUTHENTICATE PLAIN " + PLAIN_IR)
                .send("A1 OK done\r\n")
                .expectLine("A2 CAPABILITY").send(GREETING.replace("OK [CAPABILITY", "CAPABILITY")
                        .replace("] ready", "") + "A2 OK\r\n");
    }

    @Test
    @DisplayName("ID sends quoted fields and reads the server's; ENABLE sends only offered extensions and records the confirmed set; NAMESPACE parses the three name spaces")
    void setupCommands() throws Exception {
        Script script = authenticated()
                .expectLine("A3 ID (\"name\" \"deepmail\" \"version\" \"0.1\")")
                .send("* ID (\"name\" \"Dovecot\" \"vendor\" NIL)\r\nA3 OK\r\n")
                .expectLine("A4 ENABLE IMAP4REV2 CONDSTORE")
                .send("* ENABLED IMAP4rev2 CONDSTORE\r\nA4 OK\r\n")
                .expectLine("A5 NAMESPACE")
                .send("* NAMESPACE ((\"\" \"/\")) ((\"Other Users/\" \"/\")) NIL\r\nA5 OK\r\n")
                .expectLine("A6 ID NIL").send("* ID NIL\r\nA6 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = ScriptedSessions.client(RESOURCES)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            Map<String, String> mine = new LinkedHashMap<>();
            mine.put("name", "deepmail");
            mine.put("version", "0.1");
            assertThat(session.id(mine).block(WAIT)).containsExactly(Map.entry("name", "Dovecot"));
            assertThat(session.enable("IMAP4rev2", "CONDSTORE", "X-NOT-OFFERED").block(WAIT))
                    .containsExactlyInAnyOrder("IMAP4REV2", "CONDSTORE");
            assertThat(session.enabled()).containsExactlyInAnyOrder("IMAP4REV2", "CONDSTORE");
            NamespaceData ns = session.namespace().block(WAIT);
            assertThat(ns.personal()).containsExactly(new NamespaceData.Entry("", "/"));
            assertThat(ns.otherUsers()).containsExactly(new NamespaceData.Entry("Other Users/", "/"));
            assertThat(ns.shared()).isEmpty();
            assertThat(session.id(Map.of()).block(WAIT)).isEmpty();
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("SEARCH RETURN (MIN MAX COUNT ALL) gives ESearchData by its TAG; plain SEARCH answered with ESEARCH (IMAP4rev2) expands ALL; UID EXPUNGE; UNSELECT and CLOSE leave the mailbox")
    void mailboxCommands() throws Exception {
        Script script = authenticated()
                .expectLine("A3 SELECT INBOX").send("* 5 EXISTS\r\nA3 OK [READ-WRITE] in\r\n")
                .expectLine("A4 UID SEARCH RETURN (MIN MAX COUNT ALL) UNSEEN")
                .send("* ESEARCH (TAG \"A4\") UID MIN 3 MAX 9 COUNT 4 ALL 3:5,9\r\nA4 OK\r\n")
                .expectLine("A5 SEARCH RETURN (COUNT) DELETED")
                .send("* ESEARCH (TAG \"A5\") COUNT 0\r\nA5 OK\r\n")
                .expectLine("A6 SEARCH ALL")
                .send("* ESEARCH (TAG \"A6\") ALL 1:3,5\r\nA6 OK\r\n")
                .expectLine("A7 UID EXPUNGE 4:9")
                .send("* 3 EXPUNGE\r\n* 3 EXPUNGE\r\nA7 OK\r\n")
                .expectLine("A8 UNSELECT").send("A8 OK\r\n")
                .expectLine("A9 SELECT INBOX").send("* 3 EXISTS\r\nA9 OK [READ-WRITE] in\r\n")
                .expectLine("A10 CLOSE").send("A10 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = ScriptedSessions.client(RESOURCES)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            session.select("INBOX").block(WAIT);
            ESearchData unseen = session.esearch("UNSEEN", true, "MIN", "MAX", "COUNT", "ALL").block(WAIT);
            assertThat(unseen).isEqualTo(new ESearchData("A4", true, 3, 9, 4, "3:5,9", Map.of()));
            ESearchData deleted = session.esearch("DELETED", false, "COUNT").block(WAIT);
            assertThat(deleted.count()).isZero();
            assertThat(deleted.min()).isEqualTo(-1);
            assertThat(session.search("ALL", false).block(WAIT)).containsExactly(1L, 2L, 3L, 5L);
            assertThat(session.uidExpunge("4:9").collectList().block(WAIT)).containsExactly(3L, 3L);
            session.unselect().block(WAIT);
            assertThat(session.state()).isEqualTo(ImapState.AUTHENTICATED);
            session.select("INBOX").block(WAIT);
            assertThat(session.state()).isEqualTo(ImapState.SELECTED);
            session.closeMailbox().block(WAIT);
            assertThat(session.state()).isEqualTo(ImapState.AUTHENTICATED);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("a server without ID, NAMESPACE, UIDPLUS, ESEARCH or UNSELECT: each command fails typed, nothing is sent, ENABLE sends nothing")
    void notOffered() throws Exception {
        Script script = Script.builder().send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\r\n")
                .expectLine("A1 AUTHENTICATE PLAIN " + PLAIN_IR).send("A1 OK [CAPABILITY IMAP4rev1] done\r\n")
                .expectLine("A2 NOOP").send("A2 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = ScriptedSessions.client(RESOURCES)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            for (Throwable t : List.of(
                    catchThrowable(() -> session.id(Map.of()).block(WAIT)),
                    catchThrowable(() -> session.namespace().block(WAIT)),
                    catchThrowable(() -> session.uidExpunge("1").blockLast(WAIT)),
                    catchThrowable(() -> session.esearch("ALL", false, "COUNT").block(WAIT)),
                    catchThrowable(() -> session.unselect().block(WAIT)))) {
                assertThat(t).isInstanceOf(UnsupportedOperationException.class);
            }
            assertThat(session.enable("CONDSTORE").block(WAIT)).isEmpty();
            session.noop().block(WAIT);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }
}
