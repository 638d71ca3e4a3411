package io.deepmail.imap;

import static io.deepmail.imap.ScriptedSessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.imap.command.Append;
import io.deepmail.imap.command.LiteralSizeMismatchException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** APPEND streamed from a publisher: synchronizing, LITERAL+, LITERAL-, literal8, size checks, backpressure. */
class ImapAppendUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final String MESSAGE = "Subject: hi\r\n\r\nHello world\r\n";

    private static Script.Builder authenticated(String capabilities) {
        return ScriptedSessions.authenticated(capabilities);
    }

    private static ImapSession connect(ScriptedTlsServer server) throws Exception {
        return ScriptedSessions.connectImplicit(RESOURCES, server);
    }

    private static Flux<ByteBuf> pieces(String... parts) {
        return Flux.fromArray(parts).map(p -> Unpooled.copiedBuffer(p, StandardCharsets.ISO_8859_1));
    }

    private static Script.Builder expectMessageLines(Script.Builder b) {
        return b.expectLine("Subject: hi").expectLine("").expectLine("Hello world").expectLine("");
    }

    private static String transcript(ScriptedTlsServer server) {
        return server.connections().get(0).tlsReceivedText();
    }

    @Test
    @DisplayName("RFC 9051 §7.5: a synchronizing literal waits for '+', then streams the publisher's buffers; a NO instead of '+' sends no content and never subscribes to it")
    void synchronizing() throws Exception {
        Script.Builder b = authenticated("IMAP4rev1 AUTH=PLAIN SASL-IR")
                .expectLine("A2 APPEND INBOX (\\Seen) {" + MESSAGE.length() + "}").send("+ go ahead\r\n");
        Script script = expectMessageLines(b).send("A2 OK [APPENDUID 1 5] done\r\n")
                .expectLine("A3 APPEND INBOX {" + MESSAGE.length() + "}").send("A3 NO [OVERQUOTA] full\r\n")
                .expectLine("A4 NOOP").send("A4 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = connect(server);
            session.append(new Append("INBOX", List.of("\\Seen"), MESSAGE.length(),
                    pieces("Subject: hi\r\n", "\r\nHello", " world\r\n"), false)).block(WAIT);
            AtomicBoolean subscribed = new AtomicBoolean();
            Throwable refused = catchThrowable(() -> session.append(new Append("INBOX", List.of(), MESSAGE.length(),
                    pieces(MESSAGE).doOnSubscribe(s -> subscribed.set(true)), false)).block(WAIT));
            assertThat(refused).isInstanceOf(ImapNoException.class);
            assertThat(subscribed).isFalse();
            session.noop().block(WAIT);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
            assertThat(transcript(server)).contains("A2 APPEND INBOX (\\Seen) {" + MESSAGE.length() + "}\r\n"
                    + MESSAGE + "\r\nA3 APPEND INBOX {" + MESSAGE.length() + "}\r\nA4 NOOP\r\n");
        }
    }

    @Test
    @DisplayName("RFC 7888: LITERAL+ sends {n+} and the content at once; the byte[] APPEND takes the same path")
    void literalPlus() throws Exception {
        Script script = expectMessageLines(authenticated("IMAP4rev1 AUTH=PLAIN SASL-IR LITERAL+")
                .expectLine("A2 APPEND Sent {" + MESSAGE.length() + "+}"))
                .send("A2 OK done\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = connect(server);
            session.append("Sent", List.of(), MESSAGE.getBytes(StandardCharsets.US_ASCII)).block(WAIT);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("RFC 7888: LITERAL- is non-synchronizing up to 4096 bytes only; larger literals wait for '+'")
    void literalMinus() throws Exception {
        String small = "x".repeat(4094) + "\r\n";
        String large = "y".repeat(4095) + "\r\n";
        Script script = authenticated("IMAP4rev1 AUTH=PLAIN SASL-IR LITERAL-")
                .expectLine("A2 APPEND INBOX {4096+}").expectLine("x".repeat(4094)).expectLine("")
                .send("A2 OK\r\n")
                .expectLine("A3 APPEND INBOX {4097}").send("+ ok\r\n").expectLine("y".repeat(4095)).expectLine("")
                .send("A3 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = connect(server);
            session.append("INBOX", List.of(), small.getBytes(StandardCharsets.US_ASCII)).block(WAIT);
            session.append("INBOX", List.of(), large.getBytes(StandardCharsets.US_ASCII)).block(WAIT);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("a publisher that gives more bytes than declared: LiteralSizeMismatchException, the surplus is released unwritten and the connection closes")
    void tooMany() throws Exception {
        Script script = authenticated("IMAP4rev1 AUTH=PLAIN SASL-IR LITERAL+")
                .expectLine("A2 APPEND INBOX {10+}")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = connect(server);
            ByteBuf first = Unpooled.copiedBuffer("abcdef", StandardCharsets.US_ASCII);
            ByteBuf surplus = Unpooled.copiedBuffer("ghijkl", StandardCharsets.US_ASCII);
            Throwable t = catchThrowable(() -> session.append(new Append("INBOX", List.of(), 10,
                    Flux.just(first, surplus), false)).block(WAIT));
            assertThat(t).isInstanceOf(LiteralSizeMismatchException.class);
            assertThat(((LiteralSizeMismatchException) t).declared()).isEqualTo(10);
            assertThat(((LiteralSizeMismatchException) t).actual()).isEqualTo(12);
            assertThat(surplus.refCnt()).isZero();
            assertThat(first.refCnt()).isZero();
            server.awaitScriptDone(WAIT);
            assertThat(transcript(server)).endsWith("{10+}\r\nabcdef").doesNotContain("ghijkl");
            assertThat(catchThrowable(() -> session.noop().block(WAIT))).isNotNull();
        }
    }

    @Test
    @DisplayName("a publisher that ends short of the declared size: LiteralSizeMismatchException and the connection closes")
    void tooFew() throws Exception {
        Script script = authenticated("IMAP4rev1 AUTH=PLAIN SASL-IR")
                .expectLine("A2 APPEND INBOX {20}").send("+ go\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = connect(server);
            Throwable t = catchThrowable(() -> session.append(new Append("INBOX", List.of(), 20, pieces("abc", "def"),
                    false)).block(WAIT));
            assertThat(t).isInstanceOf(LiteralSizeMismatchException.class);
            assertThat(((LiteralSizeMismatchException) t).actual()).isEqualTo(6);
            server.awaitScriptDone(WAIT);
            assertThat(server.connections().get(0).isClosed()).isTrue();
        }
    }

    @Test
    @DisplayName("a 1 MiB APPEND is read in bounded batches, never with unbounded demand, and arrives byte for byte")
    void backpressure() throws Exception {
        int lines = 1024;
        String line = "z".repeat(1022) + "\r\n";
        Script.Builder b = authenticated("IMAP4rev1 AUTH=PLAIN SASL-IR LITERAL+")
                .expectLine("A2 APPEND INBOX {" + lines * line.length() + "+}");
        for (int i = 0; i < lines; i++) {
            b.expectLine(line.substring(0, 1022));
        }
        Script script = b.expectLine("").send("A2 OK\r\n").awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = connect(server);
            List<Long> requests = new CopyOnWriteArrayList<>();
            Flux<ByteBuf> content = Flux.range(0, lines)
                    .map(i -> Unpooled.copiedBuffer(line, StandardCharsets.US_ASCII))
                    .doOnRequest(requests::add);
            session.append(new Append("INBOX", List.of(), (long) lines * line.length(), content, false)).block(WAIT);
            assertThat(requests).isNotEmpty().allMatch(n -> n <= 256);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
            assertThat(transcript(server)).contains(line.repeat(lines) + "\r\n");
        }
    }

    @Test
    @DisplayName("RFC 3516: a binary APPEND sends literal8 ~{n+} with NUL bytes when BINARY is offered; without BINARY it fails before sending")
    void binary() throws Exception {
        String content = "a\0b\r\n";
        Script script = authenticated("IMAP4rev1 AUTH=PLAIN SASL-IR LITERAL+ BINARY")
                .expectLine("A2 APPEND INBOX ~{5+}").expectLine("a\0b").expectLine("").send("A2 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = connect(server);
            session.append(new Append("INBOX", List.of(), 5, pieces(content), true)).block(WAIT);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
        Script without = authenticated("IMAP4rev1 AUTH=PLAIN SASL-IR").expectLine("A2 NOOP").send("A2 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(without)) {
            ImapSession session = connect(server);
            AtomicBoolean subscribed = new AtomicBoolean();
            Throwable t = catchThrowable(() -> session.append(new Append("INBOX", List.of(), 5,
                    Mono.fromCallable(() -> Unpooled.copiedBuffer(content, StandardCharsets.ISO_8859_1))
                            .doOnSubscribe(s -> subscribed.set(true)), true)).block(WAIT));
            assertThat(t).isInstanceOf(UnsupportedOperationException.class);
            assertThat(subscribed).isFalse();
            session.noop().block(WAIT);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }
}
