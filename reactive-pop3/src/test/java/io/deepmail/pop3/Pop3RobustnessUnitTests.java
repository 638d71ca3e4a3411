package io.deepmail.pop3;

import static io.deepmail.pop3.Pop3Fixture.ALICE;
import static io.deepmail.pop3.Pop3Fixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/**
 * Hostile sizes at session level: capability lists past their bounds, a greeting or a data line
 * that never ends, a message past the size bound. Each is a {@link ProtocolViolationException}
 * well before the (long) response timeout, so the bound and not the clock stops it; the connection
 * is closed and every buffer released (the leak detector runs PARANOID on every test).
 */
class Pop3RobustnessUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Pop3ClientOptions SMALL = Pop3ClientOptions.builder().maxDataLineLength(1024)
            .maxMessageSize(64 << 10).chunkSize(512).responseTimeout(Duration.ofMinutes(2)).build();

    private void connectFails(Script script) throws Exception {
        try (ScriptedTlsServer server = Pop3Fixture.implicit(script)) {
            Pop3Fixture.client(RESOURCES.get(), SMALL).connect(ALICE, Pop3Fixture.targets(server, TransportMode.IMPLICIT))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(Pop3Fixture.reason(e))
                            .isInstanceOf(ProtocolViolationException.class))
                    .verify(WAIT);
            ScriptedConnection connection = server.awaitConnection(0, WAIT);
            connection.awaitClosed(WAIT);
            assertThat(connection.tlsReceivedText()).isIn("", "CAPA\r\n");
        }
    }

    @Test
    @DisplayName("a CAPA answer past 256 capabilities is a protocol violation")
    void tooManyCapabilities() throws Exception {
        connectFails(Script.builder().send("+OK\r\n").expectLine("CAPA")
                .send("+OK\r\n" + "X-CAP\r\n".repeat(300) + ".\r\n").awaitClose().build());
    }

    @Test
    @DisplayName("a huge SASL list on one CAPA line that never ends fails at the CAPA bound, not the timeout")
    void endlessSaslList() throws Exception {
        connectFails(Script.builder().send("+OK\r\n").expectLine("CAPA")
                .send("+OK\r\nSASL" + " MECH-X".repeat(30_000)).awaitClose().build());
    }

    @Test
    @DisplayName("a CAPA answer that stays within line bounds but passes 128 KiB in all fails without being held")
    void capaPastItsBound() throws Exception {
        Pop3ClientOptions wide = Pop3ClientOptions.builder().responseTimeout(Duration.ofMinutes(2)).build();
        String line = "X-" + "Y".repeat(1000) + "\r\n";
        try (ScriptedTlsServer server = Pop3Fixture.implicit(Script.builder().send("+OK\r\n").expectLine("CAPA")
                .send("+OK\r\n" + line.repeat(200)).awaitClose().build())) {
            Pop3Fixture.client(RESOURCES.get(), wide).connect(ALICE, Pop3Fixture.targets(server, TransportMode.IMPLICIT))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(Pop3Fixture.reason(e))
                            .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("CAPA"))
                    .verify(WAIT);
        }
    }

    @Test
    @DisplayName("a greeting that never ends fails at the status-line bound")
    void endlessGreeting() throws Exception {
        connectFails(Script.builder().send("+OK " + "x".repeat(10_000)).awaitClose().build());
    }

    @Test
    @DisplayName("an endless data line in RETR fails at the line bound; chunks already emitted are the subscriber's")
    void endlessRetrLine() throws Exception {
        retrFails("+OK\r\n" + "y".repeat(20_000));
    }

    @Test
    @DisplayName("a message past the size bound, never terminated, fails at the bound")
    void retrPastSizeBound() throws Exception {
        retrFails("+OK\r\n" + ("z".repeat(78) + "\r\n").repeat(2000));
    }

    private void retrFails(String answer) throws Exception {
        Script script = Script.builder().send("+OK\r\n").expectLine("CAPA").send("+OK\r\n.\r\n")
                .expectLine("RETR 1").send(answer).awaitClose().build();
        try (ScriptedTlsServer server = Pop3Fixture.implicit(script)) {
            Pop3Session session = Pop3Fixture.client(RESOURCES.get(), SMALL)
                    .connect(ALICE, Pop3Fixture.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            AtomicLong received = new AtomicLong();
            session.retr(1).doOnNext(buf -> {
                received.addAndGet(buf.readableBytes());
                buf.release();
            }).as(StepVerifier::create).thenConsumeWhile(b -> true)
                    .expectError(ProtocolViolationException.class).verify(WAIT);
            assertThat(received.get()).isLessThanOrEqualTo(SMALL.maxMessageSize());
            server.awaitConnection(0, WAIT).awaitClosed(WAIT);
            session.noop().as(StepVerifier::create).expectError().verify(WAIT);
        }
    }
}
