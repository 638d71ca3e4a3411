package io.deepmail.pop3.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.pop3.response.Continuation;
import io.deepmail.pop3.response.Err;
import io.deepmail.pop3.response.MultiLine;
import io.deepmail.pop3.response.Ok;
import io.deepmail.pop3.response.ResponseCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pop3ResponseDecoderUnitTests {

    private static final DecoderLimits LIMITS = new DecoderLimits(512, 1000, 10_000, 64);

    private final Expectations expectations = new Expectations();
    private EmbeddedChannel channel = channel(LIMITS);

    private EmbeddedChannel channel(DecoderLimits limits) {
        return new EmbeddedChannel(new Pop3ResponseDecoder(expectations, limits), new Pop3CommandEncoder(expectations));
    }

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    private void write(Pop3Command command) {
        channel.writeOutbound(command);
        ByteBuf written;
        while ((written = channel.readOutbound()) != null) {
            written.release();
        }
    }

    private void feed(String... parts) {
        for (String part : parts) {
            channel.writeInbound(Unpooled.copiedBuffer(part, StandardCharsets.ISO_8859_1));
        }
    }

    private List<Object> inbound() {
        List<Object> out = new ArrayList<>();
        Object o;
        while ((o = channel.readInbound()) != null) {
            out.add(o);
        }
        return out;
    }

    /** Reads a multi-line response: asserts Start ... End, joins and releases the chunks. */
    private String data() {
        List<Object> frames = inbound();
        assertThat(frames).isNotEmpty();
        assertThat(frames.get(0)).isInstanceOf(MultiLine.Start.class);
        assertThat(frames.get(frames.size() - 1)).isInstanceOf(MultiLine.End.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Object f : frames.subList(1, frames.size() - 1)) {
            MultiLine.Chunk chunk = (MultiLine.Chunk) f;
            byte[] b = new byte[chunk.content().readableBytes()];
            chunk.content().readBytes(b);
            bytes.writeBytes(b);
            chunk.release();
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private void greet() {
        feed("+OK ready <1896.697170952@dbc.mtview.ca.us>\r\n");
        Ok greeting = (Ok) inbound().get(0);
        assertThat(greeting.apopTimestamp()).contains("<1896.697170952@dbc.mtview.ca.us>");
    }

    @Test
    @DisplayName("the greeting is a single line and carries the APOP timestamp")
    void greeting() {
        greet();
        assertThat(expectations.size()).isZero();
        assertThat(new Ok("POP3 server ready").apopTimestamp()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SYS/TEMP", "SYS/PERM", "AUTH", "IN-USE", "LOGIN-DELAY"})
    @DisplayName("-ERR carries its RFC 2449 / RFC 3206 response code")
    void responseCodes(String code) {
        greet();
        write(Pop3Command.pass("secret"));
        feed("-ERR [" + code + "] try later\r\n");
        Err err = (Err) inbound().get(0);
        assertThat(err.code()).isEqualTo(ResponseCode.of(code));
        assertThat(err.text()).isEqualTo("try later");
        assertThat(err.code().isTransient()).isEqualTo(!code.equals("SYS/PERM") && !code.equals("AUTH"));
    }

    @Test
    @DisplayName("-ERR to a multi-line command is one line, and the next response is read normally")
    void errToMultiLine() {
        greet();
        write(Pop3Command.retr(9));
        write(Pop3Command.noop());
        feed("-ERR no such message\r\n+OK\r\n");
        assertThat(inbound()).containsExactly(new Err(null, "no such message"), new Ok(""));
    }

    @Test
    @DisplayName("dot-stuffing: '..' at a line start loses one dot, '.' alone ends the response")
    void dotStuffing() {
        greet();
        write(Pop3Command.retr(1));
        feed("+OK 40 octets\r\nline one\r\n..leading dot\r\n...\r\n.x\r\nend.\r\n.\r\n");
        assertThat(data()).isEqualTo("line one\r\n.leading dot\r\n..\r\nx\r\nend.\r\n");
        assertThat(expectations.size()).isZero();
    }

    @Test
    @DisplayName("a response split at every byte decodes the same, CRLF and terminator split included")
    void splitEverywhere() {
        greet();
        write(Pop3Command.retr(1));
        String response = "+OK\r\n..a\r\nb\r\n.\r\n";
        for (char c : response.toCharArray()) {
            feed(String.valueOf(c));
        }
        assertThat(data()).isEqualTo(".a\r\nb\r\n");
    }

    @Test
    @DisplayName("'.' then CR in one read and LF in the next still ends the response")
    void terminatorSplitAcrossReads() {
        greet();
        write(Pop3Command.retr(1));
        feed("+OK\r\nx\r\n.\r", "\n+OK");
        assertThat(data()).isEqualTo("x\r\n");
    }

    @Test
    @DisplayName("a large body comes in chunks of at most chunkSize octets")
    void chunked() {
        greet();
        write(Pop3Command.retr(1));
        String line = "0123456789".repeat(10) + "\r\n";
        feed("+OK\r\n" + line.repeat(20) + ".\r\n");
        List<Object> frames = inbound();
        assertThat(frames).hasSizeGreaterThan(20);
        frames.stream().filter(f -> f instanceof MultiLine.Chunk).map(MultiLine.Chunk.class::cast).forEach(c -> {
            assertThat(c.content().readableBytes()).isLessThanOrEqualTo(64);
            c.release();
        });
    }

    @Test
    @DisplayName("pipelined commands: each reply is read with its own command's shape")
    void pipelined() {
        greet();
        write(Pop3Command.stat());
        write(Pop3Command.list());
        write(Pop3Command.uidl(1));
        feed("+OK 2 20\r\n+OK\r\n1 10\r\n2 10\r\n.\r\n+OK 1 abc\r\n");
        List<Object> frames = inbound();
        assertThat(frames.get(0)).isEqualTo(new Ok("2 20"));
        assertThat(frames.get(1)).isInstanceOf(MultiLine.Start.class);
        assertThat(frames.get(frames.size() - 1)).isEqualTo(new Ok("1 abc"));
        frames.forEach(io.netty.util.ReferenceCountUtil::release);
    }

    @Test
    @DisplayName("SASL challenges are read only during AUTH")
    void continuation() {
        greet();
        write(Pop3Command.auth("PLAIN", null));
        feed("+ \r\n");
        assertThat(inbound()).containsExactly(new Continuation(""));
        write(Pop3Command.saslResponse("AGFsaWNlAHNlY3JldA=="));
        feed("+OK\r\n");
        assertThat(inbound()).containsExactly(new Ok(""));
        write(Pop3Command.noop());
        assertThatThrownBy(() -> feed("+ forged\r\n")).hasRootCauseInstanceOf(ProtocolViolationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"* OK imap?\r\n", "+OKAY\r\n", "garbage\r\n", "+OK no crlf\n", "\0\r\n"})
    @DisplayName("anything but a status line is a protocol violation, and later bytes are discarded")
    void garbage(String line) {
        greet();
        write(Pop3Command.noop());
        assertThatThrownBy(() -> feed(line)).isInstanceOf(DecoderException.class)
                .hasRootCauseInstanceOf(ProtocolViolationException.class);
        feed("+OK\r\n");
        assertThat(inbound()).isEmpty();
    }

    @Test
    @DisplayName("a reply when no command is pending is a protocol violation: it could only shift later answers")
    void replyToNothing() {
        greet();
        write(Pop3Command.noop());
        assertThatThrownBy(() -> feed("+OK\r\n+OK 0 0\r\n")).hasRootCauseInstanceOf(ProtocolViolationException.class)
                .rootCause().hasMessageContaining("reply to no command");
        assertThat(inbound()).containsExactly(new Ok(""));
    }

    @Test
    @DisplayName("an endless status line fails once it passes the bound, without waiting for LF")
    void endlessStatusLine() {
        assertThatThrownBy(() -> feed("+OK " + "x".repeat(600))).hasRootCauseInstanceOf(
                ProtocolViolationException.class).rootCause().hasMessageContaining("longer than 512");
    }

    @Test
    @DisplayName("an endless data line fails at the line bound")
    void endlessDataLine() {
        greet();
        write(Pop3Command.retr(1));
        feed("+OK\r\n");
        inbound();
        assertThatThrownBy(() -> {
            for (int i = 0; i < 20; i++) {
                feed("y".repeat(100));
                inbound().forEach(io.netty.util.ReferenceCountUtil::release);
            }
        }).hasRootCauseInstanceOf(ProtocolViolationException.class).rootCause().hasMessageContaining("line longer");
    }

    @Test
    @DisplayName("a message over the size bound fails, and no chunk is leaked")
    void oversizedMessage() {
        greet();
        write(Pop3Command.retr(1));
        feed("+OK\r\n");
        inbound();
        String line = "z".repeat(98) + "\r\n";
        assertThatThrownBy(() -> {
            for (int i = 0; i < 200; i++) {
                feed(line);
                inbound().forEach(io.netty.util.ReferenceCountUtil::release);
            }
        }).hasRootCauseInstanceOf(ProtocolViolationException.class).rootCause().hasMessageContaining("larger than");
    }

    @Test
    @DisplayName("after TLS the decoder forgets what it expected before")
    void resetAfterTls() {
        greet();
        write(Pop3Command.capa());
        ((Pop3ResponseDecoder) channel.pipeline().first()).resetAfterTls();
        assertThat(expectations.size()).isZero();
    }
}
