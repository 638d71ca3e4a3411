package io.deepmail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailClientException;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * STARTTLS stripping and downgrade ("Why TLS is better without STARTTLS", USENIX Security 2021):
 * each hostile server ends in a typed error, without a hang, and with nothing but CAPABILITY and
 * STARTTLS in cleartext and no credential byte on the wire (TLS-09, TLS-15, TLS-17, LAT-06).
 */
class ImapStartTlsStrippingUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final String GREETING = "* OK ready\r\n";

    /** Greeting and pre-TLS CAPABILITY answered with {@code capabilityReply}. */
    private static Script.Builder preTls(String capabilityReply) {
        return Script.builder().send(GREETING).expectLine("A1 CAPABILITY").send(capabilityReply);
    }

    /** A server offering STARTTLS that answers the command with {@code reply}. */
    private static Script startTlsAnswered(String reply) {
        return preTls("* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\nA1 OK\r\n")
                .expectLine("A2 STARTTLS").send(reply).awaitClose().build();
    }

    static Stream<Arguments> stripped() {
        return Stream.of(
                Arguments.of("no STARTTLS capability",
                        preTls("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\nA1 OK\r\n").awaitClose().build(),
                        StartTlsUnavailableException.class),
                Arguments.of("STARTTLS answered NO", startTlsAnswered("A2 NO not now\r\n"),
                        StartTlsUnavailableException.class),
                Arguments.of("STARTTLS answered BAD", startTlsAnswered("A2 BAD unknown command\r\n"),
                        StartTlsUnavailableException.class),
                Arguments.of("STARTTLS answered with a + continuation", startTlsAnswered("+ go on\r\n"),
                        ProtocolViolationException.class),
                Arguments.of("capabilities hidden: no code in the greeting, STARTTLS missing from CAPABILITY",
                        preTls("* CAPABILITY IMAP4rev1\r\nA1 OK\r\n").awaitClose().build(),
                        StartTlsUnavailableException.class),
                Arguments.of("capabilities hidden: STARTTLS in the greeting's code only",
                        Script.builder().send("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n")
                                .expectLine("A1 CAPABILITY").send("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\nA1 OK\r\n")
                                .awaitClose().build(),
                        StartTlsUnavailableException.class),
                Arguments.of("capabilities hidden: CAPABILITY answered OK without a list",
                        preTls("A1 OK\r\n").awaitClose().build(), StartTlsUnavailableException.class),
                Arguments.of("capabilities hidden: CAPABILITY answered BAD",
                        preTls("A1 BAD no\r\n").awaitClose().build(), ImapBadException.class),
                Arguments.of("IMAP4-only server without STARTTLS",
                        preTls("* CAPABILITY IMAP4 AUTH=PLAIN\r\nA1 OK\r\n").awaitClose().build(),
                        StartTlsUnavailableException.class),
                Arguments.of("IMAP4-only server, STARTTLS offered: refused after TLS, before authentication",
                        preTls("* CAPABILITY IMAP4 STARTTLS\r\nA1 OK\r\n").expectLine("A2 STARTTLS")
                                .send("A2 OK begin\r\n").startTls()
                                .expectLine("A3 CAPABILITY").send("* CAPABILITY IMAP4 AUTH=PLAIN\r\nA3 OK\r\n")
                                .awaitClose().build(),
                        ProtocolViolationException.class),
                Arguments.of("PREAUTH greeting on a STARTTLS connection",
                        Script.builder().send("* PREAUTH [CAPABILITY IMAP4rev1 STARTTLS] welcome\r\n")
                                .awaitClose().build(),
                        StartTlsUnavailableException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stripped")
    @DisplayName("TLS-09/TLS-15/TLS-17/LAT-06: a stripped, refused, hidden or downgraded STARTTLS fails typed, before any credential")
    void stripped(String variant, Script script, Class<? extends MailClientException> expected) throws Exception {
        try (ScriptedTlsServer server = ScriptedSessions.startTls(script)) {
            MailClientException reason = ScriptedSessions.connectFails(ScriptedSessions.client(RESOURCES), server,
                    TransportMode.STARTTLS);
            assertThat(reason).as(variant).isInstanceOf(expected);
            assertThat(server.connections()).as("no retry, in cleartext or otherwise (TLS-07)").hasSize(1);
        }
    }

    static Stream<Arguments> implicit() {
        return Stream.of(
                Arguments.of("PREAUTH greeting on Implicit TLS",
                        "* PREAUTH [CAPABILITY IMAP4rev1] welcome\r\n", TlsPolicyException.class),
                Arguments.of("IMAP4-only server on Implicit TLS",
                        "* OK [CAPABILITY IMAP4 AUTH=PLAIN] ready\r\n", ProtocolViolationException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implicit")
    @DisplayName("TLS-17: on Implicit TLS a PREAUTH greeting and an IMAP4-only server are refused before any command")
    void implicitRefused(String variant, String greeting, Class<? extends MailClientException> expected)
            throws Exception {
        try (ScriptedTlsServer server = ScriptedSessions.implicit(Script.builder().send(greeting).awaitClose().build())) {
            MailClientException reason = ScriptedSessions.connectFails(ScriptedSessions.client(RESOURCES), server,
                    TransportMode.IMPLICIT);
            assertThat(reason).as(variant).isInstanceOf(expected);
            assertThat(server.connections().get(0).tlsReceivedText()).as("not a single command").isEmpty();
        }
    }
}
