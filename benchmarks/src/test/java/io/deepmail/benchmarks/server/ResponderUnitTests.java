package io.deepmail.benchmarks.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResponderUnitTests {

    private static EmbeddedChannel channel(LineResponder responder) {
        EmbeddedChannel ch = new EmbeddedChannel(new LineBasedFrameDecoder(64 * 1024), responder);
        ch.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
        return ch;
    }

    private static String written(EmbeddedChannel ch) {
        StringBuilder all = new StringBuilder();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            all.append(b.toString(StandardCharsets.US_ASCII));
            b.release();
        }
        return all.toString();
    }

    private static void send(EmbeddedChannel ch, String text) {
        ch.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    }

    @Test
    @DisplayName("SMTP: EHLO advertises PIPELINING, SIZE, 8BITMIME and AUTH PLAIN; a pipelined transaction is answered in one write")
    void smtpPipelinedTransaction() {
        EmbeddedChannel ch = channel(new SmtpResponder(0));
        assertThat(written(ch)).startsWith("220 ");
        send(ch, "EHLO client\r\n");
        assertThat(written(ch)).contains("250-PIPELINING\r\n", "250-SIZE ", "250-8BITMIME\r\n", "250 AUTH PLAIN\r\n");
        send(ch, "AUTH PLAIN AGJlbmNoAGJlbmNo\r\n");
        assertThat(written(ch)).isEqualTo("235 2.7.0 Authentication successful\r\n");
        send(ch, "MAIL FROM:<a@b.test>\r\nRCPT TO:<c@d.test>\r\nRCPT TO:<e@f.test>\r\nDATA\r\n");
        assertThat(ch.outboundMessages()).hasSize(1);
        assertThat(written(ch)).isEqualTo("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n");
        send(ch, "Subject: x\r\n\r\n..stuffed line\r\nbody\r\n");
        assertThat(written(ch)).isEmpty();
        send(ch, ".\r\nQUIT\r\n");
        assertThat(written(ch)).isEqualTo("250 2.0.0 Ok: queued as B1\r\n221 2.0.0 Bye\r\n");
        ch.runPendingTasks();
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    @DisplayName("The delay holds each round trip's replies back once, not once per reply")
    void delayPerRoundTrip() {
        EmbeddedChannel ch = new EmbeddedChannel(new LineBasedFrameDecoder(1024), new SmtpResponder(20));
        ch.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
        assertThat(written(ch)).isEmpty();
        ch.advanceTimeBy(20, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(written(ch)).startsWith("220 ");
        send(ch, "MAIL FROM:<a@b.test>\r\nRCPT TO:<c@d.test>\r\n");
        ch.advanceTimeBy(19, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(written(ch)).isEmpty();
        ch.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(written(ch)).isEqualTo("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n");
        ch.finishAndReleaseAll();
    }

    @Test
    @DisplayName("IMAP: CAPABILITY, AUTHENTICATE PLAIN with a continuation, SELECT and IDLE/DONE")
    void imapDialogue() {
        EmbeddedChannel ch = channel(new ImapResponder(0));
        assertThat(written(ch)).isEqualTo("* OK bench IMAP ready\r\n");
        send(ch, "a1 CAPABILITY\r\n");
        assertThat(written(ch)).isEqualTo("* CAPABILITY " + ImapResponder.CAPABILITIES + "\r\na1 OK CAPABILITY completed\r\n");
        send(ch, "a2 AUTHENTICATE PLAIN\r\n");
        assertThat(written(ch)).isEqualTo("+ \r\n");
        send(ch, "AGJlbmNoAGJlbmNo\r\n");
        assertThat(written(ch)).startsWith("a2 OK [CAPABILITY ");
        send(ch, "a3 SELECT INBOX\r\n");
        assertThat(written(ch)).contains("* 0 EXISTS\r\n", "a3 OK [READ-WRITE]");
        send(ch, "a4 IDLE\r\n");
        assertThat(written(ch)).isEqualTo("+ idling\r\n");
        send(ch, "DONE\r\n");
        assertThat(written(ch)).isEqualTo("a4 OK IDLE terminated\r\n");
        ch.finishAndReleaseAll();
    }

    @Test
    @DisplayName("POP3: CAPA lists PIPELINING and SASL PLAIN; STAT of the empty maildrop")
    void pop3Dialogue() {
        EmbeddedChannel ch = channel(new Pop3Responder(0));
        assertThat(written(ch)).startsWith("+OK ");
        send(ch, "CAPA\r\n");
        assertThat(written(ch)).contains("PIPELINING\r\n", "SASL PLAIN\r\n").endsWith("\r\n.\r\n");
        send(ch, "STAT\r\n");
        assertThat(written(ch)).isEqualTo("+OK 0 0\r\n");
        ch.finishAndReleaseAll();
    }

    @Test
    @DisplayName("IMAP STARTTLS listener: greets in the clear, offers STARTTLS, then puts TLS in front after its OK")
    void imapStartTls(@org.junit.jupiter.api.io.TempDir java.nio.file.Path pki) throws Exception {
        io.deepmail.benchmarks.common.BenchPki.write(pki, io.deepmail.core.testkit.KeyType.EC);
        EmbeddedChannel ch = new EmbeddedChannel(new LineBasedFrameDecoder(1024),
                new ImapResponder(0, BenchServer.serverContext(pki)));
        assertThat(written(ch)).isEqualTo("* OK bench IMAP ready\r\n");
        send(ch, "a1 CAPABILITY\r\n");
        assertThat(written(ch)).contains("STARTTLS", "LOGINDISABLED");
        assertThat(ch.pipeline().get(io.netty.handler.ssl.SslHandler.class)).isNull();
        send(ch, "a2 STARTTLS\r\n");
        assertThat(written(ch)).isEqualTo("a2 OK begin TLS negotiation now\r\n");
        assertThat(ch.pipeline().first()).isInstanceOf(io.netty.handler.ssl.SslHandler.class);
        ch.finishAndReleaseAll();
    }
}
