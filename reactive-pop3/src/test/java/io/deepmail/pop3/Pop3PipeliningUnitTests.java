package io.deepmail.pop3;

import static io.deepmail.pop3.Pop3Fixture.ALICE;
import static io.deepmail.pop3.Pop3Fixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;

/**
 * RFC 2449 §6.6: only a server that offers {@code PIPELINING} gets commands before earlier answers.
 * Three commands are subscribed to at once; the server waits a while after the first, then, just
 * before it answers, snapshots everything it has received. Without {@code PIPELINING} (or with
 * pipelining switched off in the options) that is the first command alone, so the second left the
 * client only after the first answer was sent; with it, all three arrived as one batch.
 */
class Pop3PipeliningUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    @ParameterizedTest(name = "PIPELINING offered: {0}, client pipelining: {1}")
    @CsvSource({"false, true", "true, false", "true, true"})
    void commandsWaitUnlessPipelined(boolean offered, boolean enabled) throws Exception {
        AtomicReference<ScriptedTlsServer> started = new AtomicReference<>();
        AtomicReference<String> beforeFirstAnswer = new AtomicReference<>();
        Script script = Script.builder().send("+OK ready\r\n").expectLine("CAPA")
                .send(offered ? "+OK\r\nPIPELINING\r\n.\r\n" : "+OK\r\nUSER\r\n.\r\n")
                .expectLine("STAT").pause(Duration.ofMillis(400))
                .sendComputed(() -> {
                    beforeFirstAnswer.set(started.get().connections().get(0).tlsReceivedText());
                    return "+OK 1 10\r\n";
                })
                .expectLine("NOOP").send("+OK\r\n")
                .expectLine("LIST 1").send("+OK 1 10\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = Pop3Fixture.implicit(script)) {
            started.set(server);
            Pop3Session session = Pop3Fixture.client(RESOURCES.get(),
                            Pop3ClientOptions.builder().pipelining(enabled).build())
                    .connect(ALICE, Pop3Fixture.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            List<Object> answers = Mono.zip(session.stat(), session.noop().thenReturn("noop"), session.list(1))
                    .map(t -> List.<Object>of(t.getT1(), t.getT2(), t.getT3())).block(WAIT);
            assertThat(answers).containsExactly(new Pop3Stat(1, 10), "noop", new Pop3ListEntry(1, 10));
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
            if (offered && enabled) {
                assertThat(beforeFirstAnswer.get()).isEqualTo("CAPA\r\nSTAT\r\nNOOP\r\nLIST 1\r\n");
            } else {
                assertThat(beforeFirstAnswer.get()).isEqualTo("CAPA\r\nSTAT\r\n");
            }
        }
    }
}
