package io.deepmail.submission.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.core.ProtocolViolationException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SmtpResponseDecoderUnitTests {

    private final SmtpResponseDecoder decoder = new SmtpResponseDecoder();
    private final EmbeddedChannel channel = new EmbeddedChannel(decoder);

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a single-line reply, with its RFC 3463 enhanced code")
    void singleLine() {
        channel.writeInbound(ascii("250 2.1.0 Ok\r\n"));
        SmtpResponse reply = channel.readInbound();
        assertThat(reply.code()).isEqualTo(250);
        assertThat(reply.enhancedStatus()).isEqualTo("2.1.0");
        assertThat(reply.lines()).containsExactly("2.1.0 Ok");
    }

    @Test
    @DisplayName("a multi-line EHLO reply split across reads becomes one reply")
    void multiLineAcrossReads() {
        channel.writeInbound(ascii("250-mail.example.test\r\n250-PIPE"));
        assertThat(channel.inboundMessages()).isEmpty();
        channel.writeInbound(ascii("LINING\r\n250-SIZE 1000\r\n250 CHUNKING\r\n"));
        SmtpResponse reply = channel.readInbound();
        assertThat(reply.lines()).containsExactly("mail.example.test", "PIPELINING", "SIZE 1000", "CHUNKING");
        assertThat(reply.enhancedStatus()).isNull();
        assertThat(channel.inboundMessages()).isEmpty();
    }

    @Test
    @DisplayName("pipelined replies in one segment come out one by one, in order")
    void pipelined() {
        channel.writeInbound(ascii("250 2.1.0 Ok\r\n550 5.1.1 unknown\r\n354 go ahead\r\n250\r\n"));
        assertThat(((SmtpResponse) channel.readInbound()).code()).isEqualTo(250);
        SmtpResponse refused = channel.readInbound();
        assertThat(refused.code()).isEqualTo(550);
        assertThat(refused.enhancedStatus()).isEqualTo("5.1.1");
        SmtpResponse go = channel.readInbound();
        assertThat(go.code()).isEqualTo(354);
        assertThat(go.enhancedStatus()).as("3xx carries no enhanced code").isNull();
        assertThat(((SmtpResponse) channel.readInbound()).lines()).containsExactly("");
    }

    @Test
    @DisplayName("an enhanced code whose class differs from the reply's is not one")
    void mismatchedEnhanced() {
        channel.writeInbound(ascii("550 2.0.0 odd\r\n"));
        assertThat(((SmtpResponse) channel.readInbound()).enhancedStatus()).isNull();
    }

    @Test
    @DisplayName("malformed codes are typed protocol violations and leave nothing buffered")
    void malformed() {
        for (String bad : List.of("abc hello\r\n", "25\r\n", "250x\r\n", "650 no\r\n", "199 low\r\n", "2500 long\r\n")) {
            EmbeddedChannel ch = new EmbeddedChannel(new SmtpResponseDecoder());
            assertThatThrownBy(() -> ch.writeInbound(ascii(bad))).as(bad)
                    .isInstanceOf(DecoderException.class).hasCauseInstanceOf(ProtocolViolationException.class);
            ch.finishAndReleaseAll();
        }
    }

    @Test
    @DisplayName("a multi-line reply that changes its code is a protocol violation")
    void mixedCodes() {
        assertThatThrownBy(() -> channel.writeInbound(ascii("250-a\r\n251 b\r\n")))
                .hasCauseInstanceOf(ProtocolViolationException.class).hasMessageContaining("changed its code");
    }

    @Test
    @DisplayName("a 10 MB line without end fails once it passes the limit, without accumulating")
    void hugeLine() {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        channel.writeInbound(ascii("250-"));
        assertThatThrownBy(() -> {
            for (int i = 0; i < 160; i++) {
                channel.writeInbound(Unpooled.wrappedBuffer(chunk));
            }
        }).hasCauseInstanceOf(ProtocolViolationException.class).hasMessageContaining("exceeds");
        assertThat(decoder.bufferedBytes()).isZero();
    }

    @Test
    @DisplayName("an endless multi-line reply fails at the line limit")
    void endlessReply() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < SmtpResponseDecoder.DEFAULT_MAX_LINES + 1; i++) {
            lines.append("250-line ").append(i).append("\r\n");
        }
        assertThatThrownBy(() -> channel.writeInbound(ascii(lines.toString())))
                .hasCauseInstanceOf(ProtocolViolationException.class).hasMessageContaining("lines");
    }

    @Test
    @DisplayName("TLS-12: a reply half-read before TLS is forgotten after it")
    void resetAfterTls() {
        channel.writeInbound(ascii("250-AUTH PLAIN\r\n"));
        decoder.resetAfterTls();
        channel.writeInbound(ascii("220 fresh\r\n"));
        SmtpResponse reply = channel.readInbound();
        assertThat(reply.code()).isEqualTo(220);
        assertThat(reply.lines()).containsExactly("fresh");
    }

    @Test
    @DisplayName("one frame per decode call: bytes behind a reply stay visible to the STARTTLS check")
    void bufferedBehindReply() {
        EmbeddedChannel ch = new EmbeddedChannel();
        SmtpResponseDecoder d = new SmtpResponseDecoder();
        int[] seen = new int[1];
        ch.pipeline().addLast(d).addLast(new io.netty.channel.ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object msg) {
                seen[0] = d.bufferedBytes();
                ctx.fireChannelRead(msg);
            }
        });
        ch.writeInbound(ascii("220 go ahead\r\n250-AUTH PLAIN\r\n"));
        assertThat(seen[0]).isEqualTo("250-AUTH PLAIN\r\n".length());
        ch.finishAndReleaseAll();
    }
}
