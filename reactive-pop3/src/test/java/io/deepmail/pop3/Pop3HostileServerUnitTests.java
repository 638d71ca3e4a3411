package io.deepmail.pop3;

import static io.deepmail.pop3.Pop3Fixture.ALICE;
import static io.deepmail.pop3.Pop3Fixture.PLAIN_IR;
import static io.deepmail.pop3.Pop3Fixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailClientException;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.StartTlsInjectionException;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

/**
 * Hostile POP3 servers: STLS stripping and refusal, injection after the STLS go-ahead, response
 * injection and desync, and hostile capability lists (certificates: {@link Pop3CertificateUnitTests}).
 * Each ends in a typed error or a safe outcome, with no credential byte in cleartext and no hang.
 */
class Pop3HostileServerUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final String PRE_TLS_CAPA = "+OK\r\nCAPA\r\nSTLS\r\nPIPELINING\r\n.\r\n";

    private void failsStartTls(Script script, Consumer<Throwable> reason) throws Exception {
        try (ScriptedTlsServer server = Pop3Fixture.cleartext(script)) {
            Pop3Fixture.client(RESOURCES.get()).connect(ALICE, Pop3Fixture.targets(server, TransportMode.STARTTLS))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> reason.accept(Pop3Fixture.reason(e)))
                    .verify(WAIT);
            ScriptedConnection connection = server.awaitConnection(0, WAIT);
            connection.awaitClosed(WAIT);
            assertThat(connection.cleartextReceivedText()).doesNotContain("USER", "PASS", "AUTH", "APOP");
        }
    }

    @Test
    @DisplayName("TLS-15: STLS missing from CAPA fails with StartTlsUnavailableException")
    void stlsMissing() throws Exception {
        failsStartTls(Script.builder().send("+OK ready\r\n").expectLine("CAPA")
                        .send("+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n").awaitClose().build(),
                e -> assertThat(e).isInstanceOf(StartTlsUnavailableException.class));
    }

    @Test
    @DisplayName("TLS-15: STLS answered with -ERR fails with StartTlsUnavailableException")
    void stlsRefused() throws Exception {
        failsStartTls(Script.builder().send("+OK ready\r\n").expectLine("CAPA").send(PRE_TLS_CAPA)
                        .expectLine("STLS").send("-ERR [SYS/TEMP] not now\r\n").awaitClose().build(),
                e -> assertThat(e).isInstanceOf(StartTlsUnavailableException.class));
    }

    @Test
    @DisplayName("TLS-15: CAPA hidden (-ERR) leaves no STLS, so the connection fails")
    void capaHidden() throws Exception {
        failsStartTls(Script.builder().send("+OK ready\r\n").expectLine("CAPA").send("-ERR unknown command\r\n")
                        .awaitClose().build(),
                e -> assertThat(e).isInstanceOf(StartTlsUnavailableException.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+OK\r\nCAPA\r\nUSER\r\nSASL PLAIN\r\n.\r\n", "\u0016\u0003\u0001garbage\r\n"})
    @DisplayName("TLS-11: a forged CAPA or garbage in the STLS +OK segment aborts the connection")
    void injectionSameSegment(String injected) throws Exception {
        failsStartTls(Script.builder().send("+OK ready\r\n").expectLine("CAPA").send(PRE_TLS_CAPA)
                        .expectLine("STLS").send("+OK begin TLS\r\n" + injected).awaitClose().build(),
                e -> assertThat(e).isInstanceOf(StartTlsInjectionException.class));
    }

    @Test
    @DisplayName("TLS-11: a forged CAPA in its own segment after the STLS +OK aborts the connection")
    void injectionSeparateSegment() throws Exception {
        failsStartTls(Script.builder().send("+OK ready\r\n").expectLine("CAPA").send(PRE_TLS_CAPA)
                        .expectLine("STLS").sendThenInject("+OK begin TLS\r\n", "+OK\r\nUSER\r\n.\r\n").startTls()
                        .build(),
                e -> assertThat(e).isInstanceOf(MailClientException.class));
    }

    @Test
    @DisplayName("TLS-09/TLS-12/LAT-06: APOP greeting, USER and SASL only after TLS: nothing but CAPA and STLS in "
            + "cleartext, and the post-TLS capabilities are used")
    void stlsThenAuth() throws Exception {
        Script script = Script.builder().send("+OK ready <1896.697170952@dbc.mtview.ca.us>\r\n")
                .expectLine("CAPA").send("+OK\r\nCAPA\r\nSTLS\r\n.\r\n")
                .expectLine("STLS").send("+OK begin\r\n").startTls()
                .expectLine("CAPA").send("+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n")
                .expectLine(PLAIN_IR).send("+OK\r\n")
                .expectLine("QUIT").send("+OK\r\n").awaitClose().build();
        try (ScriptedTlsServer server = Pop3Fixture.cleartext(script)) {
            Pop3Session session = Pop3Fixture.client(RESOURCES.get())
                    .connect(ALICE, Pop3Fixture.targets(server, TransportMode.STARTTLS)).block(WAIT);
            assertThat(session.capabilities().stls()).isFalse();
            assertThat(session.capabilities().saslMechanisms()).containsExactly("PLAIN");
            session.authenticate(Pop3AuthMethod.APOP).as(StepVerifier::create)
                    .expectError(IllegalArgumentException.class).verify(WAIT);
            session.authenticate().then(session.quit()).block(WAIT);
            ScriptedConnection connection = server.awaitScriptDone(WAIT);
            assertThat(connection.cleartextReceivedText()).isEqualTo("CAPA\r\nSTLS\r\n");
        }
    }

    @Test
    @DisplayName("a level-0 cleartext session never sends a password without the account's consent")
    void cleartextWithoutConsent() throws Exception {
        Script script = Script.builder().send("+OK ready\r\n").expectLine("CAPA").send("+OK\r\nUSER\r\n.\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = Pop3Fixture.cleartext(script)) {
            io.deepmail.core.Account.Builder b = io.deepmail.core.Account.builder("alice@example.test")
                    .credentials(ALICE.credentials()).cleartextConsent(true);
            b.lowerMinimumLevel(io.deepmail.core.security.ConfidentialityLevel.NONE);
            Pop3Session session = Pop3Fixture.client(RESOURCES.get())
                    .connect(b.build(), Pop3Fixture.targets(server, TransportMode.PLAINTEXT)).block(WAIT);
            assertThat(session.security().level().value()).isZero();
            session.close().block(WAIT);
            assertThat(server.awaitConnection(0, WAIT).cleartextReceivedText()).isEqualTo("CAPA\r\n");
        }
        // the same account without consent never reaches the server: the connector refuses cleartext
        try (ScriptedTlsServer server = Pop3Fixture.cleartext(script)) {
            io.deepmail.core.Account.Builder b = io.deepmail.core.Account.builder("alice@example.test")
                    .credentials(ALICE.credentials());
            b.lowerMinimumLevel(io.deepmail.core.security.ConfidentialityLevel.NONE);
            Pop3Fixture.client(RESOURCES.get()).connect(b.build(), Pop3Fixture.targets(server, TransportMode.PLAINTEXT))
                    .as(StepVerifier::create).expectError().verify(WAIT);
            assertThat(server.connections()).isEmpty();
        }
    }

    @Test
    @DisplayName("APOP at level 0 with consent, when asked by name, sends the RFC 1939 digest")
    void apop() throws Exception {
        Script script = Script.builder().send("+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>\r\n")
                .expectLine("CAPA").send("-ERR\r\n")
                .expectLine("APOP mrose c4c9334bac560ecc979e58001b3e22fb").send("+OK\r\n").awaitClose().build();
        try (ScriptedTlsServer server = Pop3Fixture.cleartext(script)) {
            io.deepmail.core.Account.Builder b = io.deepmail.core.Account.builder("mrose@example.test")
                    .credentials(io.deepmail.core.auth.CredentialsProvider.of(
                            new io.deepmail.core.auth.Credentials.Password("mrose", "tanstaaf")))
                    .cleartextConsent(true);
            b.lowerMinimumLevel(io.deepmail.core.security.ConfidentialityLevel.NONE);
            Pop3Session session = Pop3Fixture.client(RESOURCES.get())
                    .connect(b.build(), Pop3Fixture.targets(server, TransportMode.PLAINTEXT)).block(WAIT);
            session.authenticate(Pop3AuthMethod.APOP).block(WAIT);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("a -ERR [SYS/TEMP] greeting is a transient Pop3ErrException")
    void errGreeting() throws Exception {
        try (ScriptedTlsServer server = Pop3Fixture.implicit(Script.builder()
                .send("-ERR [SYS/TEMP] overloaded\r\n").awaitClose().build())) {
            Pop3Fixture.client(RESOURCES.get()).connect(ALICE, Pop3Fixture.targets(server, TransportMode.IMPLICIT))
                    .as(StepVerifier::create).expectErrorSatisfies(e -> {
                        Throwable reason = Pop3Fixture.reason(e);
                        assertThat(reason).isInstanceOf(Pop3ErrException.class);
                        assertThat(((Pop3ErrException) reason).isTransient()).isTrue();
                    }).verify(WAIT);
        }
    }

    @Test
    @DisplayName("an extra reply in the NOOP segment is a protocol violation, never the answer to the next command")
    void responseInjection() throws Exception {
        Script script = Script.builder().send("+OK ready\r\n").expectLine("CAPA").send("+OK\r\n.\r\n")
                .expectLine("NOOP").send("+OK\r\n+OK 0 0\r\n").awaitClose().build();
        try (ScriptedTlsServer server = Pop3Fixture.implicit(script)) {
            Pop3Session session = Pop3Fixture.client(RESOURCES.get())
                    .connect(ALICE, Pop3Fixture.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            session.noop().onErrorResume(e -> reactor.core.publisher.Mono.empty()).then(session.stat())
                    .as(StepVerifier::create).expectError(MailClientException.class).verify(WAIT);
        }
    }

    @Test
    @DisplayName("a multi-line body under a single-line command is a protocol violation")
    void desync() throws Exception {
        Script script = Script.builder().send("+OK ready\r\n").expectLine("CAPA").send("+OK\r\n.\r\n")
                .expectLine("STAT").send("+OK 1 10\r\nDELE 1\r\n.\r\n").awaitClose().build();
        try (ScriptedTlsServer server = Pop3Fixture.implicit(script)) {
            Pop3Session session = Pop3Fixture.client(RESOURCES.get())
                    .connect(ALICE, Pop3Fixture.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            session.stat().then(session.noop()).as(StepVerifier::create)
                    .expectError(ProtocolViolationException.class).verify(WAIT);
        }
    }

    @Test
    @DisplayName("a huge SASL mechanism list is a protocol violation")
    void hugeSaslList() throws Exception {
        String mechanisms = "M".repeat(5) + " X".repeat(500);
        try (ScriptedTlsServer server = Pop3Fixture.implicit(Script.builder().send("+OK\r\n").expectLine("CAPA")
                .send("+OK\r\nSASL " + mechanisms + "\r\n.\r\n").awaitClose().build())) {
            Pop3Fixture.client(RESOURCES.get()).connect(ALICE, Pop3Fixture.targets(server, TransportMode.IMPLICIT))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(Pop3Fixture.reason(e))
                            .isInstanceOf(ProtocolViolationException.class))
                    .verify(WAIT);
        }
    }
}
