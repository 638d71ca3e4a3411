package io.deepmail.pop3;

import static io.deepmail.pop3.Pop3Fixture.ALICE;
import static io.deepmail.pop3.Pop3Fixture.PLAIN_IR;
import static io.deepmail.pop3.Pop3Fixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Endpoint;
import io.deepmail.core.SessionObserver;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.latch.LatchService;
import io.deepmail.core.latch.LatchStores;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** The states a {@link SessionObserver} sees for POP3 sessions ({@link Pop3States}), in order. */
class Pop3ObserverUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    /** Records state names as they come. */
    static final class Recorder implements SessionObserver {
        final List<String> states = new CopyOnWriteArrayList<>();

        @Override
        public void onStateChange(Endpoint endpoint, State state) {
            states.add(state.name());
        }

        List<String> awaitDisconnected() throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!states.contains("DISCONNECTED") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            return List.copyOf(states);
        }
    }

    private static Pop3Client observed(Recorder recorder) {
        return Pop3Fixture.client(RESOURCES.get()).observe(recorder)
                .latches(LatchService.create(LatchStores.inMemory()).observe(recorder));
    }

    @Test
    @DisplayName("a normal STLS session: CONNECTED, TLS_ESTABLISHED, AUTHORIZATION, LATCHED, AUTHENTICATED, UPDATE, "
            + "DISCONNECTED")
    void normalSession() throws Exception {
        Script script = Script.builder().send("+OK ready\r\n").expectLine("CAPA").send("+OK\r\nSTLS\r\n.\r\n")
                .expectLine("STLS").send("+OK go\r\n").startTls()
                .expectLine("CAPA").send("+OK\r\nSASL PLAIN\r\n.\r\n")
                .expectLine(PLAIN_IR).send("+OK\r\n")
                .expectLine("QUIT").send("+OK bye\r\n").awaitClose().build();
        Recorder recorder = new Recorder();
        try (ScriptedTlsServer server = Pop3Fixture.cleartext(script)) {
            Pop3Session session = observed(recorder).connect(ALICE, Pop3Fixture.targets(server, TransportMode.STARTTLS))
                    .block(WAIT);
            assertThat(recorder.states).containsExactly("CONNECTED", "TLS_ESTABLISHED", "AUTHORIZATION", "LATCHED");
            session.authenticate().then(session.quit()).block(WAIT);
            server.awaitScriptDone(WAIT);
        }
        assertThat(recorder.awaitDisconnected()).containsExactly("CONNECTED", "TLS_ESTABLISHED", "AUTHORIZATION",
                "LATCHED", "AUTHENTICATED", "UPDATE", "DISCONNECTED");
    }

    @Test
    @DisplayName("a failed STLS: CONNECTED then DISCONNECTED, nothing in between")
    void failedStls() throws Exception {
        Script script = Script.builder().send("+OK ready\r\n").expectLine("CAPA").send("+OK\r\nSTLS\r\n.\r\n")
                .expectLine("STLS").send("-ERR [SYS/TEMP] no TLS today\r\n").awaitClose().build();
        Recorder recorder = new Recorder();
        try (ScriptedTlsServer server = Pop3Fixture.cleartext(script)) {
            observed(recorder).connect(ALICE, Pop3Fixture.targets(server, TransportMode.STARTTLS))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(Pop3Fixture.reason(e))
                            .isInstanceOf(StartTlsUnavailableException.class))
                    .verify(WAIT);
        }
        assertThat(recorder.awaitDisconnected()).containsExactly("CONNECTED", "DISCONNECTED");
    }
}
