package io.deepmail.imap;

import static io.deepmail.imap.ScriptedSessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.imap.response.ListData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** UTF8=ACCEPT (RFC 6855) against scripted servers. */
class ImapUtf8UnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final String NAME = "\u00c9t\u00e9/R&D";

    private static ImapSession connect(ScriptedTlsServer server) throws Exception {
        return ScriptedSessions.connectImplicit(RESOURCES, server);
    }

    @Test
    @DisplayName("RFC 6855: modified UTF-7 names until ENABLE UTF8=ACCEPT, then UTF-8 quoted names sent and read; CR, LF and NUL still refused")
    void utf8Accept() throws Exception {
        String caps = "IMAP4rev1 AUTH=PLAIN SASL-IR ENABLE UTF8=ACCEPT";
        Script script = ScriptedSessions.authenticated(caps)
                .expectLine("A2 CREATE &AMk-t&AOk-/R&-D").send("A2 OK\r\n")
                .expectLine("A3 LIST \"\" \"*\"").send("* LIST () \"/\" &AMk-t&AOk-/R&-D\r\nA3 OK\r\n")
                .expectLine("A4 ENABLE UTF8=ACCEPT").send("* ENABLED UTF8=ACCEPT\r\nA4 OK\r\n")
                .expectLine("A5 CREATE \"" + NAME + "\"").send("A5 OK\r\n")
                .expectLine("A6 LIST \"\" \"*\"").send("* LIST () \"/\" \"" + NAME + "\"\r\nA6 OK\r\n")
                .expectLine("the next NOOP", l -> l.endsWith(" NOOP")).send("A10 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = connect(server);
            session.create(NAME).block(WAIT);
            ListData before = session.list("", "*", false).blockLast(WAIT);
            assertThat(before.utf8()).isFalse();
            assertThat(before.decodedMailbox()).isEqualTo(NAME);
            assertThat(session.enable("UTF8=ACCEPT").block(WAIT)).containsExactly("UTF8=ACCEPT");
            session.create(NAME).block(WAIT);
            ListData after = session.list("", "*", false).blockLast(WAIT);
            assertThat(after.utf8()).isTrue();
            assertThat(after.mailbox()).isEqualTo(NAME);
            assertThat(after.decodedMailbox()).isEqualTo(NAME);
            for (String bad : List.of("a\r\nA9 LOGOUT", "b\nc", "nul\0")) {
                assertThat(catchThrowable(() -> session.create(bad).block(WAIT)))
                        .isInstanceOf(IllegalArgumentException.class);
            }
            session.noop().block(WAIT);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
            byte[] sent = server.connections().get(0).tlsReceived();
            String wire = new String(sent, StandardCharsets.UTF_8);
            assertThat(wire).contains("A5 CREATE \"\u00c9t\u00e9/R&D\"\r\n").doesNotContain("LOGOUT").doesNotContain("nul");
        }
    }

    @Test
    @DisplayName("RFC 6855: without UTF8=ACCEPT offered, ENABLE sends nothing and names stay modified UTF-7")
    void notOffered() throws Exception {
        String caps = "IMAP4rev1 AUTH=PLAIN SASL-IR ENABLE";
        Script script = ScriptedSessions.authenticated(caps)
                .expectLine("A2 SELECT &AMk-t&AOk-/R&-D").send("A2 OK [READ-WRITE] in\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = connect(server);
            assertThat(session.enable("UTF8=ACCEPT").block(WAIT)).isEmpty();
            session.select(NAME).block(WAIT);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }
}
