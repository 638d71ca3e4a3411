package io.deepmail.imap;

import static io.deepmail.imap.ScriptedSessions.ALICE;
import static io.deepmail.imap.ScriptedSessions.PLAIN_IR;
import static io.deepmail.imap.ScriptedSessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailClientException;
import io.deepmail.core.StartTlsInjectionException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Response injection after the STARTTLS go-ahead (TLS-11): forged CAPABILITY, a forged tagged OK
 * for the command that would follow, an ALERT and a BYE, each in the go-ahead's own TCP segment,
 * in a second segment written at once, and in a segment that arrives after the client has started
 * the handshake. Every variant aborts with {@link StartTlsInjectionException}, without a credential
 * byte and without a hang.
 */
class ImapInjectionUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    enum Segment {
        /** Go-ahead and forged text in one write: the decoder still holds the forged bytes. */
        SAME,
        /** A second write straight after the go-ahead. */
        SEPARATE,
        /** A second write after a pause: the ClientHello is already out, the bytes reach the TLS handler. */
        DELAYED
    }

    static List<Arguments> injections() {
        List<String> forged = List.of("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n",
                "A3 OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] forged completion of the next command\r\n",
                "* OK [ALERT] forged: your account is locked, call this number\r\n",
                "* BYE forged\r\n");
        List<Arguments> out = new ArrayList<>();
        for (String f : forged) {
            for (Segment s : Segment.values()) {
                out.add(Arguments.of(f.strip(), s));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("injections")
    @DisplayName("TLS-11: plaintext after the STARTTLS OK aborts with StartTlsInjectionException, in one segment or several")
    void injected(String forged, Segment segment) throws Exception {
        Script.Builder b = Script.builder().send("* OK ready\r\n")
                .expectLine("A1 CAPABILITY").send("* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\nA1 OK\r\n")
                .expectLine("A2 STARTTLS");
        String goAhead = "A2 OK begin TLS\r\n";
        String injected = forged + "\r\n";
        Script script = switch (segment) {
            case SAME -> b.send(goAhead + injected).awaitClose().build();
            case SEPARATE -> b.sendThenInject(goAhead, injected).awaitClose().build();
            case DELAYED -> b.sendSeparately(goAhead, injected).awaitClose().build();
        };
        try (ScriptedTlsServer server = ScriptedSessions.startTls(script)) {
            MailClientException reason = ScriptedSessions.connectFails(ScriptedSessions.client(RESOURCES), server,
                    TransportMode.STARTTLS);
            assertThat(reason).isInstanceOf(StartTlsInjectionException.class);
            assertThat(server.connections()).as("no retry (TLS-07)").hasSize(1);
        }
    }

    @Test
    @DisplayName("TLS-12: a CAPABILITY code on the STARTTLS OK itself is ignored; the capabilities asked for inside TLS are used")
    void capabilityCodeOnGoAhead() throws Exception {
        Script script = Script.builder().send("* OK ready\r\n")
                .expectLine("A1 CAPABILITY").send("* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\nA1 OK\r\n")
                .expectLine("A2 STARTTLS").send("A2 OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR X-FORGED] go\r\n")
                .startTls()
                .expectLine("A3 CAPABILITY").send("* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR X-REAL\r\nA3 OK\r\n")
                .expectLine("A4 AUTHENTICATE PLAIN " + PLAIN_IR).send("A4 OK done\r\n")
                .expectLine("A5 CAPABILITY").send("* CAPABILITY IMAP4rev1 X-REAL X-AUTHENTICATED\r\nA5 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.startTls(script)) {
            ImapSession session = ScriptedSessions.client(RESOURCES)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.STARTTLS)).block(WAIT);
            assertThat(session.capabilities()).contains("X-REAL", "X-AUTHENTICATED").doesNotContain("X-FORGED");
            session.close().block(WAIT);
            ScriptedSessions.cleartextClean(server.awaitScriptDone(WAIT));
        }
    }
}
