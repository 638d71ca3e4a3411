package io.deepmail.pop3;

import static io.deepmail.pop3.Pop3Fixture.ALICE;
import static io.deepmail.pop3.Pop3Fixture.PLAIN_IR;
import static io.deepmail.pop3.Pop3Fixture.WAIT;
import static io.deepmail.pop3.Pop3Fixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.ConnectionException;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.pop3.response.ResponseCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** A whole session against scripted Implicit-TLS servers: every command, streaming, cancel and limits. */
class Pop3SessionUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final String CAPA_PLAIN = "+OK\r\nUSER\r\nSASL PLAIN\r\nUIDL\r\nTOP\r\n.\r\n";

    private static Script.Builder greeted(String capa) {
        return Script.builder().send("+OK POP3 ready\r\n").expectLine("CAPA").send(capa);
    }

    private Pop3Session connect(ScriptedTlsServer server) {
        return connect(server, Pop3ClientOptions.defaults());
    }

    private Pop3Session connect(ScriptedTlsServer server, Pop3ClientOptions options) {
        return Pop3Fixture.client(RESOURCES.get(), options)
                .connect(ALICE, Pop3Fixture.targets(server, TransportMode.IMPLICIT)).block(WAIT);
    }

    @Test
    @DisplayName("TLS-17: Implicit TLS, +OK greeting, AUTH PLAIN, STAT/LIST/UIDL/TOP/RETR/DELE/RSET/NOOP, QUIT with close_notify")
    void wholeSession() throws Exception {
        Script script = greeted(CAPA_PLAIN)
                .expectLine(PLAIN_IR).send("+OK logged in\r\n")
                .expectLine("STAT").send("+OK 2 320\r\n")
                .expectLine("LIST").send("+OK 2 messages\r\n1 120\r\n2 200\r\n.\r\n")
                .expectLine("LIST 2").send("+OK 2 200\r\n")
                .expectLine("UIDL").send("+OK\r\n1 whqtswO00WBw418f9t5JxYwZ\r\n2 QhdPYR:00WBw1Ph7x7\r\n.\r\n")
                .expectLine("UIDL 1").send("+OK 1 whqtswO00WBw418f9t5JxYwZ\r\n")
                .expectLine("TOP 1 0").send("+OK\r\nSubject: hi\r\n\r\n.\r\n")
                .expectLine("RETR 1").send("+OK 120 octets\r\nSubject: hi\r\n\r\n..dot\r\nbody\r\n.\r\n")
                .expectLine("DELE 1").send("+OK marked\r\n")
                .expectLine("RSET").send("+OK\r\n")
                .expectLine("NOOP").send("+OK\r\n")
                .expectLine("QUIT").send("+OK bye\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = Pop3Fixture.implicit(script)) {
            Pop3Session session = connect(server);
            assertThat(session.security().tags()).contains(SecurityTag.TLS, SecurityTag.IMPLICIT);
            assertThat(session.greeting().text()).isEqualTo("POP3 ready");
            assertThat(session.capabilities().saslMechanisms()).containsExactly("PLAIN");
            session.authenticate().block(WAIT);
            assertThat(session.stat().block(WAIT)).isEqualTo(new Pop3Stat(2, 320));
            assertThat(session.list().block(WAIT)).containsExactly(new Pop3ListEntry(1, 120),
                    new Pop3ListEntry(2, 200));
            assertThat(session.list(2).block(WAIT)).isEqualTo(new Pop3ListEntry(2, 200));
            assertThat(session.uidl().block(WAIT)).extracting(Pop3UidlEntry::uid)
                    .containsExactly("whqtswO00WBw418f9t5JxYwZ", "QhdPYR:00WBw1Ph7x7");
            assertThat(session.uidl(1).block(WAIT)).isEqualTo(new Pop3UidlEntry(1, "whqtswO00WBw418f9t5JxYwZ"));
            assertThat(text(session.top(1, 0)).block(WAIT)).isEqualTo("Subject: hi\r\n\r\n");
            assertThat(text(session.retr(1)).block(WAIT)).isEqualTo("Subject: hi\r\n\r\n.dot\r\nbody\r\n");
            session.dele(1).then(session.rset()).then(session.noop()).block(WAIT);
            session.quit().as(StepVerifier::create).expectComplete().verify(WAIT);
            ScriptedConnection connection = server.awaitScriptDone(WAIT);
            assertThat(connection.closeNotifyReceived()).isTrue();
        }
    }

    @Test
    @DisplayName("without SASL PLAIN, AUTO sends USER then PASS, inside TLS")
    void userPass() throws Exception {
        Script script = greeted("+OK\r\nUSER\r\n.\r\n")
                .expectLine("USER alice").send("+OK\r\n").expectLine("PASS s3cret").send("+OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = Pop3Fixture.implicit(script)) {
            Pop3Session session = connect(server);
            session.authenticate().block(WAIT);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("-ERR [IN-USE] to PASS is a transient Pop3ErrException with its code")
    void errCodes() throws Exception {
        Script script = greeted("+OK\r\nUSER\r\n.\r\n")
                .expectLine("USER alice").send("+OK\r\n").expectLine("PASS s3cret")
                .send("-ERR [IN-USE] mailbox locked\r\n").expectLine("RETR 7")
                .send("-ERR [SYS/PERM] no such message\r\n").awaitClose().build();
        try (ScriptedTlsServer server = Pop3Fixture.implicit(script)) {
            Pop3Session session = connect(server);
            session.authenticate(Pop3AuthMethod.USER_PASS).as(StepVerifier::create).expectErrorSatisfies(e -> {
                Pop3ErrException err = (Pop3ErrException) e;
                assertThat(err.command()).isEqualTo("PASS");
                assertThat(err.code()).contains(ResponseCode.IN_USE);
                assertThat(err.responseCode()).isEqualTo("IN-USE");
                assertThat(err.isTransient()).isTrue();
                assertThat(err.getMessage()).doesNotContain("s3cret");
            }).verify(WAIT);
            session.retr(7).as(StepVerifier::create).expectErrorSatisfies(e -> {
                assertThat(((Pop3ErrException) e).isPermanent()).isTrue();
            }).verify(WAIT);
            session.close().block(WAIT);
        }
    }

    @Test
    @DisplayName("PIPELINING offered: commands are written before earlier answers arrive")
    void pipelining() throws Exception {
        Script script = greeted("+OK\r\nPIPELINING\r\n.\r\n")
                .expectLine("STAT").expectLine("NOOP").expectLine("LIST 1")
                .send("+OK 1 10\r\n+OK\r\n+OK 1 10\r\n").awaitClose().build();
        try (ScriptedTlsServer server = Pop3Fixture.implicit(script)) {
            Pop3Session session = connect(server);
            List<Object> answers = Mono.zip(session.stat(), session.noop().thenReturn("noop"), session.list(1))
                    .map(t -> List.<Object>of(t.getT1(), t.getT2(), t.getT3())).block(WAIT);
            assertThat(answers).containsExactly(new Pop3Stat(1, 10), "noop", new Pop3ListEntry(1, 10));
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("cancelling RETR mid-stream drains to the terminating dot, and the next command works")
    void cancelDrains() throws Exception {
        String body = ("x".repeat(70) + "\r\n").repeat(2000);
        Script script = greeted("+OK\r\n.\r\n").expectLine("RETR 1")
                .sendSeparately("+OK\r\n" + body.substring(0, 1000), body.substring(1000), ".\r\n")
                .expectLine("NOOP").send("+OK still in step\r\n").awaitClose().build();
        try (ScriptedTlsServer server = Pop3Fixture.implicit(script)) {
            Pop3Session session = connect(server, Pop3ClientOptions.builder().chunkSize(512).build());
            session.retr(1).take(1).doOnNext(b -> b.release()).blockLast(WAIT);
            session.noop().as(StepVerifier::create).expectComplete().verify(WAIT);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("a multi-line response that never ends fails with a typed timeout")
    void unterminated() throws Exception {
        Script script = greeted("+OK\r\n.\r\n").expectLine("RETR 1").send("+OK\r\nline\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = Pop3Fixture.implicit(script)) {
            Pop3Session session = connect(server, Pop3ClientOptions.builder()
                    .responseTimeout(Duration.ofMillis(500)).build());
            Pop3Fixture.text(session.retr(1)).as(StepVerifier::create)
                    .expectError(MailTimeoutException.class).verify(WAIT);
        }
    }

    @Test
    @DisplayName("a connection cut mid-RETR is a ConnectionException")
    void cutMidRetr() throws Exception {
        Script script = greeted("+OK\r\n.\r\n").expectLine("RETR 1").send("+OK\r\npartial line\r\n")
                .close().build();
        try (ScriptedTlsServer server = Pop3Fixture.implicit(script)) {
            Pop3Session session = connect(server);
            Pop3Fixture.text(session.retr(1)).as(StepVerifier::create)
                    .expectError(ConnectionException.class).verify(WAIT);
        }
    }
}
