package io.deepmail.submission;

import static io.deepmail.submission.SmtpServers.ALICE;
import static io.deepmail.submission.SmtpServers.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailClientException;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.CandidatesExhaustedException;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Sending over Implicit TLS against scripted servers: pipelining, DATA, BDAT, queue ids and refusals. */
class SubmissionSessionUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    static Flux<ByteBuf> body(String text) {
        return Flux.defer(() -> Flux.just(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
    }

    private static SubmissionResult send(ScriptedTlsServer server, Envelope envelope, Flux<ByteBuf> content) {
        return SmtpServers.client(RESOURCES.get())
                .send(ALICE, SmtpServers.targets(server, TransportMode.IMPLICIT), envelope, content).block(WAIT);
    }

    @Test
    @DisplayName("PIPELINING: MAIL, RCPT and DATA go out together; the body is dot-stuffed; the queue id is parsed")
    void pipelinedData() throws Exception {
        Script script = SmtpServers.authenticated("PIPELINING", "8BITMIME", "SIZE 10240000", "ENHANCEDSTATUSCODES",
                        "AUTH PLAIN LOGIN")
                .expectLine("MAIL FROM:<alice@example.test> SIZE=42 BODY=8BITMIME")
                .expectLine("RCPT TO:<bob@example.test>")
                .expectLine("RCPT TO:<nobody@elsewhere.test>")
                .expectLine("DATA")
                .send("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n554 5.7.1 <nobody@elsewhere.test>: Relay access denied\r\n"
                        + "354 End data with <CR><LF>.<CR><LF>\r\n")
                .expectLine("Subject: gr\u00fc\u00dfe").expectLine("").expectLine("..leading dot").expectLine(".")
                .send("250 2.0.0 Ok: queued as 4XyZ12AbC\r\n")
                .expectLine("QUIT").send("221 2.0.0 Bye\r\n").awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.implicit(script)) {
            Envelope envelope = Envelope.builder("alice@example.test").to("bob@example.test")
                    .to("nobody@elsewhere.test").size(42).eightBitMime(true).build();
            SubmissionResult result = send(server, envelope, body("Subject: gr\u00fc\u00dfe\n\n.leading dot"));
            assertThat(result.queueId()).isEqualTo("4XyZ12AbC");
            assertThat(result.accepted()).containsExactly("bob@example.test");
            assertThat(result.refused()).containsOnlyKeys("nobody@elsewhere.test");
            assertThat(result.refused().get("nobody@elsewhere.test").enhancedStatus()).isEqualTo("5.7.1");
            assertThat(result.reply().code()).isEqualTo(250);
            assertThat(result.requireTls()).isFalse();
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("without PIPELINING each command waits for its reply")
    void oneByOne() throws Exception {
        Script script = SmtpServers.authenticated("AUTH PLAIN")
                .expectLine("MAIL FROM:<alice@example.test>").send("250 ok\r\n")
                .expectLine("RCPT TO:<bob@example.test>").send("250 ok\r\n")
                .expectLine("DATA").send("354 go\r\n")
                .expectLine("hello").expectLine(".").send("250 id=1qAbCd-000123-XY\r\n")
                .expectLine("QUIT").send("221 bye\r\n").awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.implicit(script)) {
            SubmissionResult result = send(server, Envelope.of("alice@example.test", "bob@example.test"),
                    body("hello\r\n"));
            assertThat(result.queueId()).isEqualTo("1qAbCd-000123-XY");
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("CHUNKING: the body goes as BDAT chunks, unstuffed, with an exact size and a LAST chunk")
    void bdat() throws Exception {
        Script script = SmtpServers.authenticated("PIPELINING", "CHUNKING", "AUTH PLAIN")
                .expectLine("MAIL FROM:<alice@example.test>").expectLine("RCPT TO:<bob@example.test>")
                .send("250 ok\r\n250 ok\r\n")
                .expectLine("BDAT 8").expectLine(".dot").expectLine("boBDAT 4").expectLine("dy")
                .expectLine("BDAT 0 LAST")
                .send("250 2.0.0 chunk\r\n250 2.0.0 chunk\r\n250 2.0.0 Ok: queued as B1234\r\n")
                .expectLine("QUIT").send("221 bye\r\n").awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.implicit(script)) {
            SubmissionResult result = send(server, Envelope.of("alice@example.test", "bob@example.test"),
                    Flux.defer(() -> Flux.just(Unpooled.copiedBuffer(".dot\r\nbo", StandardCharsets.US_ASCII),
                            Unpooled.copiedBuffer("dy\r\n", StandardCharsets.US_ASCII))));
            assertThat(result.queueId()).isEqualTo("B1234");
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("no recipient accepted: the first refusal is the typed, permanent error, and DATA is ended at once")
    void allRefused() throws Exception {
        Script script = SmtpServers.authenticated("PIPELINING", "AUTH PLAIN")
                .expectLine("MAIL FROM:<alice@example.test>").expectLine("RCPT TO:<eve@elsewhere.test>")
                .expectLine("DATA")
                .send("250 ok\r\n550 5.7.1 Relay access denied\r\n354 go ahead anyway\r\n")
                .expectLine(".").send("554 5.5.1 no valid recipients\r\n")
                .expectLine("QUIT").send("221 bye\r\n").awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.implicit(script)) {
            SmtpServers.client(RESOURCES.get()).send(ALICE, SmtpServers.targets(server, TransportMode.IMPLICIT),
                            Envelope.of("alice@example.test", "eve@elsewhere.test"), body("x"))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(SmtpReplyException.class);
                        SmtpReplyException r = (SmtpReplyException) e;
                        assertThat(r.command()).isEqualTo("RCPT");
                        assertThat(r.code()).isEqualTo(550);
                        assertThat(r.responseCode()).isEqualTo("5.7.1");
                        assertThat(r.isPermanent()).isTrue();
                    })
                    .verify(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("pipelined reply desync: a reply too many is a typed protocol violation, not a silent shift")
    void desync() throws Exception {
        Script script = SmtpServers.authenticated("PIPELINING", "AUTH PLAIN")
                .expectLine("MAIL FROM:<alice@example.test>").expectLine("RCPT TO:<bob@example.test>")
                .expectLine("DATA")
                .send("250 ok\r\n250 ok\r\n250 extra\r\n354 go\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.implicit(script)) {
            SmtpServers.client(RESOURCES.get()).send(ALICE, SmtpServers.targets(server, TransportMode.IMPLICIT),
                            Envelope.of("alice@example.test", "bob@example.test"), body("x"))
                    .as(StepVerifier::create)
                    .expectError(ProtocolViolationException.class)
                    .verify(WAIT);
            server.awaitConnection(0, WAIT).awaitClosed(WAIT);
            assertThat(server.awaitConnection(0, WAIT).tlsReceivedText()).doesNotContain("\r\nx\r\n");
        }
    }

    @Test
    @DisplayName("a 10 MB reply line is a typed protocol violation, without buffering it")
    void hugeReplyLine() throws Exception {
        byte[] huge = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        huge[0] = '2';
        huge[1] = '5';
        huge[2] = '0';
        huge[3] = '-';
        Script script = Script.builder().send(SmtpServers.GREETING).expectLine("EHLO [127.0.0.1]").send(huge)
                .awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.implicit(script)) {
            SmtpServers.client(RESOURCES.get()).connect(ALICE, SmtpServers.targets(server, TransportMode.IMPLICIT))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(reason(e)).isInstanceOf(ProtocolViolationException.class)
                            .hasMessageContaining("exceeds"))
                    .verify(WAIT);
        }
    }

    @Test
    @DisplayName("the server closing mid-DATA: a typed error, and the body publisher is cancelled")
    void closedMidData() throws Exception {
        Script script = SmtpServers.authenticated("PIPELINING", "AUTH PLAIN")
                .expectLine("MAIL FROM:<alice@example.test>").expectLine("RCPT TO:<bob@example.test>")
                .expectLine("DATA").send("250 ok\r\n250 ok\r\n354 go\r\n")
                .expectLine("line 0").close().build();
        AtomicBoolean cancelled = new AtomicBoolean();
        Flux<ByteBuf> slow = Flux.range(0, 10_000).delayElements(Duration.ofMillis(5))
                .map(i -> Unpooled.copiedBuffer("line " + i + "\r\n", StandardCharsets.US_ASCII))
                .doOnCancel(() -> cancelled.set(true));
        try (ScriptedTlsServer server = SmtpServers.implicit(script)) {
            SmtpServers.client(RESOURCES.get()).send(ALICE, SmtpServers.targets(server, TransportMode.IMPLICIT),
                            Envelope.of("alice@example.test", "bob@example.test"), slow)
                    .as(StepVerifier::create)
                    .expectError(MailClientException.class)
                    .verify(WAIT);
            assertThat(cancelled).isTrue();
        }
    }

    @Test
    @DisplayName("two sends on one session run one after the other, and RSET follows a failed one")
    void sequentialSends() throws Exception {
        Script script = SmtpServers.authenticated("PIPELINING", "AUTH PLAIN")
                .expectLine("MAIL FROM:<alice@example.test>").expectLine("RCPT TO:<bob@example.test>")
                .expectLine("DATA").send("250 ok\r\n250 ok\r\n354 go\r\n")
                .expectLine("one").expectLine(".").send("452 4.3.1 Insufficient system storage\r\n")
                .expectLine("RSET").send("250 ok\r\n")
                .expectLine("MAIL FROM:<alice@example.test>").expectLine("RCPT TO:<bob@example.test>")
                .expectLine("DATA").send("250 ok\r\n250 ok\r\n354 go\r\n")
                .expectLine("two").expectLine(".").send("250 Ok: queued as SECOND1\r\n")
                .expectLine("QUIT").send("221 bye\r\n").awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.implicit(script)) {
            SubmissionSession session = SmtpServers.client(RESOURCES.get())
                    .connect(ALICE, SmtpServers.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            Envelope envelope = Envelope.of("alice@example.test", "bob@example.test");
            Mono<SubmissionResult> first = session.send(envelope, body("one\r\n"));
            Mono<SubmissionResult> second = session.send(envelope, body("two\r\n"));
            first.as(StepVerifier::create).expectErrorSatisfies(e -> {
                assertThat(e).isInstanceOf(SmtpReplyException.class);
                assertThat(((SmtpReplyException) e).isTransient()).isTrue();
                assertThat(((SmtpReplyException) e).responseCode()).isEqualTo("4.3.1");
            }).verify(WAIT);
            assertThat(second.block(WAIT).queueId()).isEqualTo("SECOND1");
            session.quit().block(WAIT);
            ScriptedConnection c = server.awaitScriptDone(WAIT);
            assertThat(c.closeNotifyReceived()).as("QUIT then close_notify").isTrue();
        }
    }

    /** The typed reason of a failed connect: the connector lists each candidate's. */
    static Throwable reason(Throwable e) {
        if (e instanceof CandidatesExhaustedException c && !c.failures().isEmpty()) {
            return c.failures().get(0).reason();
        }
        return e;
    }
}
