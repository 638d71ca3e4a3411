package io.deepmail.imap;

import static io.deepmail.imap.ScriptedSessions.ALICE;
import static io.deepmail.imap.ScriptedSessions.PLAIN_IR;
import static io.deepmail.imap.ScriptedSessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.ConnectionException;
import io.deepmail.core.MailClientException;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.imap.response.FetchChunk;
import io.deepmail.imap.response.FetchData;
import io.deepmail.imap.response.FetchResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * A hostile or broken server's bytes: malformed greetings, literals beyond the limit, endless
 * lines, deep nesting and a server that stops in the middle of a literal end in typed errors,
 * within bounded time and memory, and with every buffer released (the build runs Netty's leak
 * detector in paranoid mode). A FETCH cancelled in the middle of a literal leaves the session in
 * step for the next command.
 */
class ImapRobustnessUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final String GREETING = "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\r\n";

    /** Small limits, so the tests show them without sending megabytes. */
    private static final ImapClientOptions SMALL = ImapClientOptions.builder().maxLineLength(1024)
            .maxLiteralSize(4096).maxResponseSize(64 * 1024).maxNesting(16).responseTimeout(Duration.ofSeconds(2))
            .build();

    private static Script.Builder authenticated() {
        return Script.builder().send(GREETING).expectLine("A1 AUTHENTICATE PLAIN " + PLAIN_IR)
                .send("A1 OK [CAPABILITY IMAP4rev1] in\r\n");
    }

    /** Runs {@code use} on an authenticated session of {@code script} and expects a typed failure of {@code type}. */
    private static void fails(Script script, Function<ImapSession, Flux<?>> use,
            Class<? extends MailClientException> type) throws Exception {
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = ScriptedSessions.client(RESOURCES).options(SMALL)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            use.apply(session)
                    .doOnNext(r -> {
                        if (r instanceof FetchChunk c) {
                            c.release();
                        }
                    })
                    .then().as(StepVerifier::create).expectError(type).verify(WAIT);
            session.close().block(WAIT);
            server.awaitConnection(0, WAIT).awaitClosed(WAIT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"garbage\r\n", "* FOO greeting\r\n", "A1 OK tagged greeting\r\n", "* OK [CAPABILITY\r\n",
            "* OK ready\0\r\n", "+ continuation\r\n", "* NO not a greeting\r\n", "* BAD not a greeting\r\n",
            "* 1 FETCH (BODY[] {5}\r\nhello)\r\n"})
    @DisplayName("a malformed greeting is a typed protocol error, without a command sent")
    void malformedGreeting(String greeting) throws Exception {
        try (ScriptedTlsServer server = ScriptedSessions.implicit(Script.builder().send(greeting).awaitClose()
                .build())) {
            MailClientException reason = ScriptedSessions.connectFails(ScriptedSessions.client(RESOURCES).options(SMALL),
                    server, TransportMode.IMPLICIT);
            assertThat(reason).isInstanceOf(ProtocolViolationException.class);
            assertThat(server.connections().get(0).tlsReceivedText()).isEmpty();
        }
    }

    @Test
    @DisplayName("a literal announced beyond the limit fails before a byte of it is buffered")
    void hugeLiteral() throws Exception {
        fails(authenticated().expectLine("A2 LIST \"\" \"*\"").send("* LIST () \"/\" {2147483647}\r\nabc")
                .awaitClose().build(), s -> s.list("", "*", false), ProtocolViolationException.class);
    }

    @Test
    @DisplayName("a literal size beyond any number is a typed protocol error")
    void literalSizeOverflow() throws Exception {
        fails(authenticated().expectLine("A2 LIST \"\" \"*\"").send("* LIST () \"/\" {99999999999999999999999}\r\n")
                .awaitClose().build(), s -> s.list("", "*", false), ProtocolViolationException.class);
    }

    @Test
    @DisplayName("an endless line (no CRLF beyond the line limit) fails typed while the server keeps sending")
    void endlessLine() throws Exception {
        String chunk = "x".repeat(512);
        fails(authenticated().expectLine("A2 NOOP").send("* OK " + chunk).send(chunk).send(chunk).send(chunk)
                .awaitClose().build(), s -> s.noop().flux(), ProtocolViolationException.class);
    }

    @Test
    @DisplayName("parentheses nested beyond the limit are a typed protocol error")
    void deepNesting() throws Exception {
        String deep = "(".repeat(200) + ")".repeat(200);
        fails(authenticated().expectLine("A2 FETCH 1 (BODYSTRUCTURE)").send("* 1 FETCH (BODYSTRUCTURE " + deep
                + ")\r\nA2 OK\r\n").awaitClose().build(), s -> s.fetch("1", false, "BODYSTRUCTURE"),
                ProtocolViolationException.class);
    }

    @Test
    @DisplayName("the server closing in the middle of a body literal fails the FETCH typed; the chunks already given are the caller's to release")
    void closedMidLiteral() throws Exception {
        fails(authenticated().expectLine("A2 FETCH 1 (BODY.PEEK[])").send("* 1 FETCH (BODY[] {100}\r\n0123456789")
                .close().build(), s -> s.fetch("1", false, "BODY.PEEK[]"), MailClientException.class);
    }

    @Test
    @DisplayName("the server going silent in the middle of a body literal ends in MailTimeoutException, not a hang")
    void silentMidLiteral() throws Exception {
        fails(authenticated().expectLine("A2 FETCH 1 (BODY.PEEK[])").send("* 1 FETCH (BODY[] {100}\r\n0123456789")
                .pause(Duration.ofSeconds(6)).awaitClose().build(), s -> s.fetch("1", false, "BODY.PEEK[]"),
                MailTimeoutException.class);
    }

    @Test
    @DisplayName("a FETCH cancelled while a literal is still arriving leaves the session in step: NOOP, then FETCH, work")
    void cancelledFetch() throws Exception {
        String body = "Subject: big\r\n\r\n" + "0123456789".repeat(50) + "\r\n";
        Script script = authenticated()
                .expectLine("A2 FETCH 1:2 (UID BODY.PEEK[])")
                .send("* 1 FETCH (UID 7 BODY[] {" + body.length() + "}\r\n" + body.substring(0, 40))
                .pause(Duration.ofMillis(300))
                .send(body.substring(40) + ")\r\n* 2 FETCH (UID 8 BODY[] {" + body.length() + "}\r\n" + body
                        + ")\r\nA2 OK done\r\n")
                .expectLine("A3 NOOP").send("* 3 EXISTS\r\nA3 OK\r\n")
                .expectLine("A4 FETCH 2 (UID BODY.PEEK[])")
                .send("* 2 FETCH (UID 8 BODY[] {" + body.length() + "}\r\n" + body + ")\r\nA4 OK done\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = ScriptedSessions.client(RESOURCES)
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            session.fetch("1:2", false, "UID", "BODY.PEEK[]").take(1)
                    .doOnNext(r -> ((FetchChunk) r).release())
                    .as(StepVerifier::create).expectNextCount(1).expectComplete().verify(WAIT);
            session.noop().as(StepVerifier::create).expectComplete().verify(WAIT);
            StringBuilder again = new StringBuilder();
            List<FetchResult> results = session.fetch("2", false, "UID", "BODY.PEEK[]")
                    .doOnNext(r -> {
                        if (r instanceof FetchChunk c) {
                            again.append(c.content().toString(StandardCharsets.UTF_8));
                            c.release();
                        }
                    }).collectList().block(WAIT);
            assertThat(again.toString()).isEqualTo(body);
            assertThat(results.stream().filter(FetchData.class::isInstance).map(r -> ((FetchData) r).uid()))
                    .containsExactly(8L);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("a tagged response for a command never sent is a typed protocol error, not a silent completion")
    void unknownTag() throws Exception {
        fails(authenticated().expectLine("A2 NOOP").send("A9 OK forged\r\nA2 OK\r\n").awaitClose().build(),
                s -> s.noop().flux(), ProtocolViolationException.class);
    }

    @Test
    @DisplayName("a server that closes right after authentication fails the next command with ConnectionException")
    void closedAfterLogin() throws Exception {
        fails(authenticated().close().build(), s -> s.noop().flux(), ConnectionException.class);
    }
}
