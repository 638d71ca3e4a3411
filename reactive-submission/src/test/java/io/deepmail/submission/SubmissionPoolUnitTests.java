package io.deepmail.submission;

import static io.deepmail.submission.SmtpServers.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.ConnectionException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The connection pool against scripted servers: reuse, limits, validation, retry and dispose. */
class SubmissionPoolUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Envelope ENVELOPE = Envelope.of("alice@example.test", "bob@example.test");

    /** An account whose provider counts how often it is asked. */
    private static Account counting(AtomicInteger asked) {
        CredentialsProvider provider = () -> Mono.fromSupplier(() -> {
            asked.incrementAndGet();
            return new Credentials.Password("alice@example.test", "secret");
        });
        return Account.builder("alice@example.test").credentials(provider).build();
    }

    private static Flux<ByteBuf> body(String text) {
        return Flux.defer(() -> Flux.just(Unpooled.copiedBuffer(text + "\r\n", StandardCharsets.US_ASCII)));
    }

    /** One message without PIPELINING, answered with queue id {@code id}. */
    private static Script.Builder message(Script.Builder script, String text, String id) {
        return script.expectLine("MAIL FROM:<alice@example.test>").send("250 ok\r\n")
                .expectLine("RCPT TO:<bob@example.test>").send("250 ok\r\n")
                .expectLine("DATA").send("354 go\r\n")
                .expectLine(text).expectLine(".").send("250 2.0.0 Ok: queued as " + id + "\r\n");
    }

    private static Script quit(Script.Builder script) {
        return script.expectLine("QUIT").send("221 bye\r\n").awaitClose().build();
    }

    private static Script unexpected() {
        return Script.builder().expectLine("no connection expected", l -> false).build();
    }

    private static SubmissionPool pool(PoolOptions options) {
        return SmtpServers.client(RESOURCES.get()).pool(options);
    }

    @Test
    @DisplayName("reuse: two sends go over one connection; dispose sends QUIT")
    void reuse() throws Exception {
        Script first = quit(message(message(SmtpServers.authenticated("AUTH PLAIN"), "one", "Q0001"), "two",
                "Q0002"));
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(SmtpServers.GOOD.key(),
                SmtpServers.GOOD.chain()).implicitTls().scripts(i -> i == 0 ? first : unexpected()).start()) {
            AtomicInteger asked = new AtomicInteger();
            Account alice = counting(asked);
            Targets targets = SmtpServers.targets(server, TransportMode.IMPLICIT);
            SubmissionPool pool = pool(PoolOptions.defaults());
            assertThat(pool.send(alice, targets, ENVELOPE, body("one")).block(WAIT).queueId()).isEqualTo("Q0001");
            assertThat(pool.send(alice, targets, ENVELOPE, body("two")).block(WAIT).queueId()).isEqualTo("Q0002");
            assertThat(pool.connections(alice, targets)).isEqualTo(1);
            pool.disposeLater().block(WAIT);
            server.awaitScriptDone(WAIT);
            assertThat(server.connections()).hasSize(1);
            assertThat(asked).hasValue(1);
            assertThat(pool.isDisposed()).isTrue();
            StepVerifier.create(pool.send(alice, targets, ENVELOPE, body("three")))
                    .expectError(IllegalStateException.class).verify(WAIT);
        }
    }

    @Test
    @DisplayName("max messages per connection: the connection that reached it is closed with QUIT, the next send "
            + "opens a new one and asks the credentials provider again")
    void maxMessages() throws Exception {
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(SmtpServers.GOOD.key(),
                SmtpServers.GOOD.chain()).implicitTls()
                .scripts(i -> i < 2 ? quit(message(SmtpServers.authenticated("AUTH PLAIN"), "m", "Q000" + i))
                        : unexpected()).start()) {
            AtomicInteger asked = new AtomicInteger();
            Account alice = counting(asked);
            Targets targets = SmtpServers.targets(server, TransportMode.IMPLICIT);
            SubmissionPool pool = pool(PoolOptions.defaults().withMaxMessagesPerConnection(1));
            assertThat(pool.send(alice, targets, ENVELOPE, body("m")).block(WAIT).queueId()).isEqualTo("Q0000");
            assertThat(pool.send(alice, targets, ENVELOPE, body("m")).block(WAIT).queueId()).isEqualTo("Q0001");
            server.awaitConnection(0, WAIT).awaitScriptDone(WAIT);
            server.awaitConnection(1, WAIT).awaitScriptDone(WAIT);
            pool.disposeLater().block(WAIT);
            assertThat(server.connections()).hasSize(2);
            assertThat(asked).as("credentials are read again for the new connection").hasValue(2);
        }
    }

    @Test
    @DisplayName("421 on MAIL: the connection is dropped, the message is sent once on a fresh connection")
    void retriedAfter421() throws Exception {
        Script closing = SmtpServers.authenticated("AUTH PLAIN").expectLine("MAIL FROM:<alice@example.test>")
                .send("421 4.3.2 shutting down\r\n").close().build();
        Script good = quit(message(SmtpServers.authenticated("AUTH PLAIN"), "hello", "R0001"));
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(SmtpServers.GOOD.key(),
                SmtpServers.GOOD.chain()).implicitTls()
                .scripts(i -> i == 0 ? closing : i == 1 ? good : unexpected()).start()) {
            AtomicInteger asked = new AtomicInteger();
            Account alice = counting(asked);
            Targets targets = SmtpServers.targets(server, TransportMode.IMPLICIT);
            SubmissionPool pool = pool(PoolOptions.defaults());
            assertThat(pool.send(alice, targets, ENVELOPE, body("hello")).block(WAIT).queueId()).isEqualTo("R0001");
            server.awaitConnection(0, WAIT).awaitScriptDone(WAIT);
            pool.disposeLater().block(WAIT);
            server.awaitConnection(1, WAIT).awaitScriptDone(WAIT);
            assertThat(server.connections()).hasSize(2);
            assertThat(String.join("\n", server.connections().get(1).linesRead())).containsOnlyOnce("hello");
            assertThat(asked).hasValue(2);
        }
    }

    @Test
    @DisplayName("dropped during DATA with content not declared re-subscribable: a clear error, no second attempt")
    void notRetriedAfterContent() throws Exception {
        Script cut = SmtpServers.authenticated("AUTH PLAIN").expectLine("MAIL FROM:<alice@example.test>")
                .send("250 ok\r\n").expectLine("RCPT TO:<bob@example.test>").send("250 ok\r\n")
                .expectLine("DATA").send("354 go\r\n").expectLine("part").close().build();
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(SmtpServers.GOOD.key(),
                SmtpServers.GOOD.chain()).implicitTls().scripts(i -> i == 0 ? cut : unexpected()).start()) {
            Targets targets = SmtpServers.targets(server, TransportMode.IMPLICIT);
            SubmissionPool pool = pool(PoolOptions.defaults());
            Flux<ByteBuf> slow = Flux.defer(() -> Flux.just(Unpooled.copiedBuffer("part\r\n", StandardCharsets.US_ASCII))
                    .concatWith(Mono.delay(Duration.ofSeconds(1))
                            .map(x -> Unpooled.copiedBuffer("rest\r\n", StandardCharsets.US_ASCII))));
            StepVerifier.create(pool.send(SmtpServers.ALICE, targets, ENVELOPE, slow))
                    .expectError(ConnectionException.class).verify(WAIT);
            server.awaitScriptDone(WAIT);
            assertThat(pool.connections(SmtpServers.ALICE, targets)).isZero();
            pool.disposeLater().block(WAIT);
            assertThat(server.connections()).hasSize(1);
        }
    }

    @Test
    @DisplayName("an idle connection the server dropped fails its NOOP on borrow and is replaced")
    void droppedIdleConnection() throws Exception {
        Script dropping = message(SmtpServers.authenticated("AUTH PLAIN"), "one", "D0001").close().build();
        Script fresh = quit(message(SmtpServers.authenticated("AUTH PLAIN"), "two", "D0002"));
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(SmtpServers.GOOD.key(),
                SmtpServers.GOOD.chain()).implicitTls()
                .scripts(i -> i == 0 ? dropping : i == 1 ? fresh : unexpected()).start()) {
            Targets targets = SmtpServers.targets(server, TransportMode.IMPLICIT);
            SubmissionPool pool = pool(PoolOptions.defaults().withValidateAfterIdle(Duration.ofMillis(50)));
            assertThat(pool.send(SmtpServers.ALICE, targets, ENVELOPE, body("one")).block(WAIT).queueId())
                    .isEqualTo("D0001");
            server.awaitScriptDone(WAIT);
            Mono.delay(Duration.ofMillis(300)).block(WAIT);
            assertThat(pool.send(SmtpServers.ALICE, targets, ENVELOPE, body("two")).block(WAIT).queueId())
                    .isEqualTo("D0002");
            pool.disposeLater().block(WAIT);
            server.awaitConnection(1, WAIT).awaitScriptDone(WAIT);
            assertThat(server.connections()).hasSize(2);
        }
    }

    @Test
    @DisplayName("the cap per destination: three concurrent sends with one connection allowed share it, in turn")
    void capPerDestination() throws Exception {
        Script.Builder three = SmtpServers.authenticated("AUTH PLAIN");
        for (int i = 0; i < 3; i++) {
            message(three, "m", "C000" + i);
        }
        Script script = quit(three);
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(SmtpServers.GOOD.key(),
                SmtpServers.GOOD.chain()).implicitTls().scripts(i -> i == 0 ? script : unexpected()).start()) {
            Targets targets = SmtpServers.targets(server, TransportMode.IMPLICIT);
            SubmissionPool pool = pool(PoolOptions.defaults().withMaxConnections(1));
            List<SubmissionResult> results = Flux.range(0, 3)
                    .flatMap(i -> pool.send(SmtpServers.ALICE, targets, ENVELOPE, body("m")))
                    .collectList().block(WAIT);
            assertThat(results).extracting(SubmissionResult::queueId)
                    .containsExactlyInAnyOrder("C0000", "C0001", "C0002");
            pool.disposeLater().block(WAIT);
            server.awaitScriptDone(WAIT);
            assertThat(server.connections()).hasSize(1);
        }
    }

    @Test
    @DisplayName("dropped during DATA with content declared re-subscribable: sent again, whole, on a fresh connection")
    void retriedAfterContentWhenCold() throws Exception {
        Script cut = SmtpServers.authenticated("AUTH PLAIN").expectLine("MAIL FROM:<alice@example.test>")
                .send("250 ok\r\n").expectLine("RCPT TO:<bob@example.test>").send("250 ok\r\n")
                .expectLine("DATA").send("354 go\r\n").expectLine("hello").close().build();
        Script good = quit(message(SmtpServers.authenticated("AUTH PLAIN"), "hello", "W0001"));
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(SmtpServers.GOOD.key(),
                SmtpServers.GOOD.chain()).implicitTls()
                .scripts(i -> i == 0 ? cut : i == 1 ? good : unexpected()).start()) {
            Targets targets = SmtpServers.targets(server, TransportMode.IMPLICIT);
            SubmissionPool pool = pool(PoolOptions.defaults().withResubscribableContent(true));
            Flux<ByteBuf> cold = Flux.defer(() -> Flux.just(Unpooled.copiedBuffer("hello\r\n",
                    StandardCharsets.US_ASCII)).delayElements(Duration.ofMillis(200)));
            assertThat(pool.send(SmtpServers.ALICE, targets, ENVELOPE, cold).block(WAIT).queueId()).isEqualTo("W0001");
            server.awaitConnection(0, WAIT).awaitScriptDone(WAIT);
            pool.disposeLater().block(WAIT);
            server.awaitConnection(1, WAIT).awaitScriptDone(WAIT);
            assertThat(server.connections()).hasSize(2);
        }
    }

    @Test
    @DisplayName("max idle time: a connection idle for longer is closed with QUIT and a new one is opened")
    void maxIdle() throws Exception {
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(SmtpServers.GOOD.key(),
                SmtpServers.GOOD.chain()).implicitTls()
                .scripts(i -> i < 2 ? quit(message(SmtpServers.authenticated("AUTH PLAIN"), "m", "I000" + i))
                        : unexpected()).start()) {
            Targets targets = SmtpServers.targets(server, TransportMode.IMPLICIT);
            SubmissionPool pool = pool(PoolOptions.defaults().withMaxIdleTime(Duration.ofMillis(100)));
            assertThat(pool.send(SmtpServers.ALICE, targets, ENVELOPE, body("m")).block(WAIT).queueId())
                    .isEqualTo("I0000");
            Mono.delay(Duration.ofMillis(400)).block(WAIT);
            assertThat(pool.send(SmtpServers.ALICE, targets, ENVELOPE, body("m")).block(WAIT).queueId())
                    .isEqualTo("I0001");
            server.awaitConnection(0, WAIT).awaitScriptDone(WAIT);
            pool.disposeLater().block(WAIT);
            server.awaitConnection(1, WAIT).awaitScriptDone(WAIT);
            assertThat(server.connections()).hasSize(2);
        }
    }
}
