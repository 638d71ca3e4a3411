package io.deepmail.imap;

import static io.deepmail.imap.ScriptedSessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.imap.command.Fetch;
import io.deepmail.imap.command.SelectOptions;
import io.deepmail.imap.command.Store;
import io.deepmail.imap.response.FetchData;
import io.deepmail.imap.response.SequenceSet;
import io.deepmail.imap.response.Untagged;
import io.deepmail.imap.response.VanishedData;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;

/** CONDSTORE and QRESYNC (RFC 7162) against scripted servers. */
class ImapCondstoreUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static Script.Builder authenticated(String capabilities) {
        return ScriptedSessions.authenticated(capabilities);
    }

    private static ImapSession connect(ScriptedTlsServer server) throws Exception {
        return ScriptedSessions.connectImplicit(RESOURCES, server);
    }

    @Test
    @DisplayName("RFC 7162 CONDSTORE: SELECT (CONDSTORE) reads HIGHESTMODSEQ, EXAMINE reads NOMODSEQ, FETCH CHANGEDSINCE, STORE UNCHANGEDSINCE reports MODIFIED")
    void condstore() throws Exception {
        Script script = authenticated("IMAP4rev1 AUTH=PLAIN SASL-IR CONDSTORE")
                .expectLine("A2 SELECT INBOX (CONDSTORE)")
                .send("* 7 EXISTS\r\n* OK [UIDVALIDITY 3857529045] v\r\n* OK [HIGHESTMODSEQ 715194045007] m\r\n"
                        + "A2 OK [READ-WRITE] in\r\n")
                .expectLine("A3 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 715194045000)")
                .send("* 4 FETCH (UID 8 MODSEQ (715194045005) FLAGS (\\Seen))\r\nA3 OK\r\n")
                .expectLine("A4 UID STORE 5:9 (UNCHANGEDSINCE 715194045005) +FLAGS.SILENT (\\Deleted)")
                .send("* 4 FETCH (UID 8 MODSEQ (715194045010))\r\nA4 OK [MODIFIED 7,9] partly\r\n")
                .expectLine("A5 EXAMINE Drafts (CONDSTORE)")
                .send("* 0 EXISTS\r\n* OK [NOMODSEQ] none\r\nA5 OK [READ-ONLY] in\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = connect(server);
            MailboxState inbox = session.select("INBOX", SelectOptions.CONDSTORE).block(WAIT);
            assertThat(inbox.highestModSeq()).isEqualTo(715194045007L);
            assertThat(inbox.noModSeq()).isFalse();
            assertThat(inbox.vanished()).isEmpty();

            List<Untagged> changed = session.fetch(new Fetch("1:*", List.of("FLAGS"), true, 715194045000L, false))
                    .collectList().block(WAIT);
            assertThat(changed).hasSize(1);
            assertThat(((FetchData) changed.get(0)).modSeq()).isEqualTo(715194045005L);

            StoreResult stored = session.conditionalStore(new Store("5:9", Store.Action.ADD, List.of("\\Deleted"),
                    true, true, 715194045005L)).block(WAIT);
            assertThat(stored.modified()).isEqualTo(SequenceSet.parse("7,9"));
            assertThat(stored.updated()).extracting(FetchData::modSeq).containsExactly(715194045010L);

            MailboxState drafts = session.examine("Drafts", SelectOptions.CONDSTORE).block(WAIT);
            assertThat(drafts.noModSeq()).isTrue();
            assertThat(drafts.highestModSeq()).isEqualTo(-1);
            assertThat(drafts.readOnly()).isTrue();
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("RFC 7162 QRESYNC: ENABLE QRESYNC first, SELECT (QRESYNC ...) collects VANISHED (EARLIER) and changed flags; UID FETCH VANISHED; live VANISHED reaches updates() and IDLE")
    void qresync() throws Exception {
        Script script = authenticated("IMAP4rev1 AUTH=PLAIN SASL-IR ENABLE CONDSTORE QRESYNC IDLE")
                .expectLine("A2 ENABLE QRESYNC").send("* ENABLED QRESYNC\r\nA2 OK\r\n")
                .expectLine("A3 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541 (1:3 41,43,45)))")
                .send("* 314 EXISTS\r\n* OK [UIDVALIDITY 67890007] v\r\n* OK [HIGHESTMODSEQ 20050715194045007] m\r\n"
                        + "* VANISHED (EARLIER) 41,43:116,118,120:211,214:540\r\n"
                        + "* 49 FETCH (UID 117 FLAGS (\\Seen \\Answered) MODSEQ (20050715194045001))\r\n"
                        + "A3 OK [READ-WRITE] in\r\n")
                .expectLine("A4 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 20050715194045000 VANISHED)")
                .send("* VANISHED (EARLIER) 300:310,405,411\r\n"
                        + "* 1 FETCH (UID 404 MODSEQ (65402) FLAGS (\\Seen))\r\nA4 OK\r\n")
                .expectLine("A5 NOOP").send("* VANISHED 405,407\r\nA5 OK\r\n")
                .expectLine("A6 IDLE").send("+ idling\r\n* VANISHED 9\r\n")
                .expectLine("DONE").send("A6 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = connect(server);
            MailboxState inbox = session.select("INBOX", SelectOptions.qresync(new SelectOptions.Qresync(67890007L,
                    20050715194045000L, "41,43:211,214:541", "1:3", "41,43,45"))).block(WAIT);
            assertThat(session.enabled()).contains("QRESYNC");
            assertThat(inbox.highestModSeq()).isEqualTo(20050715194045007L);
            assertThat(inbox.vanished()).containsExactly(new VanishedData(true,
                    SequenceSet.parse("41,43:116,118,120:211,214:540")));
            assertThat(inbox.changed()).extracting(FetchData::uid).containsExactly(117L);

            List<Untagged> since = session.fetch(new Fetch("300:500", List.of("FLAGS"), true, 20050715194045000L,
                    true)).collectList().block(WAIT);
            assertThat(since.get(0)).isEqualTo(new VanishedData(true, SequenceSet.parse("300:310,405,411")));
            assertThat(((FetchData) since.get(1)).uid()).isEqualTo(404);

            List<Untagged> updates = new CopyOnWriteArrayList<>();
            Disposable sub = session.updates().subscribe(updates::add, e -> { });
            session.noop().block(WAIT);
            sub.dispose();
            assertThat(updates).containsExactly(new VanishedData(false, SequenceSet.parse("405,407")));

            Untagged idled = session.idle().blockFirst(WAIT);
            assertThat(idled).isEqualTo(new VanishedData(false, SequenceSet.parse("9")));
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("RFC 7162: without QRESYNC or CONDSTORE offered, the parameters fail typed and nothing is sent")
    void notOffered() throws Exception {
        Script script = authenticated("IMAP4rev1 AUTH=PLAIN SASL-IR ENABLE")
                .expectLine("A2 NOOP").send("A2 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = connect(server);
            for (Throwable t : List.of(
                    catchThrowable(() -> session.select("INBOX", SelectOptions.qresync(
                            new SelectOptions.Qresync(1, 2))).block(WAIT)),
                    catchThrowable(() -> session.examine("INBOX", SelectOptions.CONDSTORE).block(WAIT)),
                    catchThrowable(() -> session.fetch(new Fetch("1", List.of("FLAGS"), true, 5, true)).blockLast(WAIT)),
                    catchThrowable(() -> session.fetch(new Fetch("1", List.of("FLAGS"), false, 5, false))
                            .blockLast(WAIT)),
                    catchThrowable(() -> session.conditionalStore(new Store("1", Store.Action.ADD,
                            List.of("\\Seen"), false, false, 4)).block(WAIT)))) {
                assertThat(t).isInstanceOf(UnsupportedOperationException.class);
            }
            session.noop().block(WAIT);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("RFC 7162: a malformed VANISHED ends the command with a ProtocolViolationException and closes the connection; a malformed MODIFIED is typed too")
    void malformed() throws Exception {
        Script vanished = authenticated("IMAP4rev1 AUTH=PLAIN SASL-IR ENABLE QRESYNC")
                .expectLine("A2 ENABLE QRESYNC").send("* ENABLED QRESYNC\r\nA2 OK\r\n")
                .expectLine("A3 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 9 VANISHED)")
                .send("* VANISHED (EARLIER) 1:x\r\nA3 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(vanished)) {
            ImapSession session = connect(server);
            Throwable t = catchThrowable(() -> session.fetch(new Fetch("1:*", List.of("FLAGS"), true, 9, true))
                    .blockLast(WAIT));
            assertThat(t).isInstanceOf(ProtocolViolationException.class);
            server.awaitScriptDone(WAIT);
            assertThat(server.connections().get(0).isClosed()).isTrue();
        }
        Script modified = authenticated("IMAP4rev1 AUTH=PLAIN SASL-IR CONDSTORE")
                .expectLine("A2 STORE 1 (UNCHANGEDSINCE 3) FLAGS (\\Seen)")
                .send("A2 OK [MODIFIED 1:*] partly\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(modified)) {
            ImapSession session = connect(server);
            Throwable t = catchThrowable(() -> session.conditionalStore(new Store("1", Store.Action.REPLACE,
                    List.of("\\Seen"), false, false, 3)).block(WAIT));
            assertThat(t).isInstanceOf(ProtocolViolationException.class);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }
}
