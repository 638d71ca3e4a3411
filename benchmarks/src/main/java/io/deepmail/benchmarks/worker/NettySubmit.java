package io.deepmail.benchmarks.worker;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import reactor.netty.resources.LoopResources;

/**
 * B3 floor: {@code inflight} connections opened and authenticated up front; each message is the
 * pipelined MAIL, RCPT and DATA in one write, then the pre-stuffed content and the final dot.
 */
final class NettySubmit implements Peer, StallProbe.Loops {

    private final LoopResources loops;
    private final ConcurrentLinkedQueue<LineClient.Conn> idle = new ConcurrentLinkedQueue<>();
    private final ByteBuf envelope;
    private final ByteBuf content;
    private final int envelopeReplies;
    private final String provider;

    NettySubmit(WorkerConfig config) throws Exception {
        this.loops = Ours.loops();
        LineClient client = new LineClient(loops, NettyTls.client(config), config.port(), Lines::smtpFinal);
        byte[] message = Messages.message(config.messageBytes());
        List<String> rcpts = Messages.recipients(config.recipients());
        StringBuilder env = new StringBuilder("MAIL FROM:<" + Messages.FROM + "> SIZE=" + message.length + "\r\n");
        rcpts.forEach(r -> env.append("RCPT TO:<").append(r).append(">\r\n"));
        env.append("DATA\r\n");
        this.envelope = unreleasable(env.toString().getBytes(StandardCharsets.US_ASCII));
        this.envelopeReplies = rcpts.size() + 2;
        this.content = unreleasable(Messages.stuffedForData(message));
        String auth = Base64.getEncoder().encodeToString(
                ("\0" + Ours.USER + "\0" + Ours.PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < config.inflight(); i++) {
            LineClient.Conn conn = client.connect().get();
            expectCode(conn.exchange(ascii("EHLO bench.test\r\n"), 1, Lines::smtpFinal).get(), '2');
            expectCode(conn.exchange(ascii("AUTH PLAIN " + auth + "\r\n"), 1, Lines::smtpFinal).get(), '2');
            idle.add(conn);
        }
        this.provider = config.boringSsl() ? "BoringSSL" : "JDK";
    }

    private static ByteBuf unreleasable(byte[] bytes) {
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes));
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    private static void expectCode(String reply, char first) {
        if (reply.isEmpty() || reply.charAt(0) != first) {
            throw new IllegalStateException("unexpected reply " + reply);
        }
    }

    @Override
    public CompletionStage<?> operation() {
        LineClient.Conn conn = idle.poll();
        if (conn == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no idle connection"));
        }
        return conn.exchange(envelope.duplicate(), envelopeReplies, Lines::smtpFinal)
                .thenCompose(last -> {
                    expectCode(last, '3');
                    return conn.exchange(content.duplicate(), 1, Lines::smtpFinal);
                })
                .thenAccept(last -> {
                    expectCode(last, '2');
                    idle.add(conn);
                });
    }

    @Override
    public EventLoopGroup eventLoops() {
        return loops.onClient(true);
    }

    @Override
    public String tlsProvider() {
        return provider;
    }

    @Override
    public void close() {
        idle.forEach(LineClient.Conn::close);
        loops.dispose();
    }
}
