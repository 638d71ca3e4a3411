package io.deepmail.benchmarks.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A line-based responder behind an {@code SslHandler} and a {@code LineBasedFrameDecoder}. Replies
 * produced while one batch of inbound bytes is read are written together when the batch ends,
 * after the configured delay: one delay per round trip, so pipelined commands pay it once, as on a
 * real link with that RTT.
 */
abstract class LineResponder extends SimpleChannelInboundHandler<ByteBuf> {

    private final long delayMillis;
    private final StringBuilder pending = new StringBuilder();
    private boolean closeAfterReply;
    private @org.jspecify.annotations.Nullable SslContext startTls;
    private boolean greeted;

    LineResponder(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    /** Queues the greeting. */
    abstract void greet();

    /**
     * Handles one inbound line, without its line ending.
     *
     * @param line the line; released by the caller
     */
    abstract void line(ByteBuf line);

    final void reply(String text) {
        pending.append(text).append("\r\n");
    }

    final void closeAfterReply() {
        closeAfterReply = true;
    }

    /**
     * Starts TLS (STARTTLS) once the queued replies are written in the clear.
     *
     * @param tls the server context
     */
    final void startTlsAfterReply(SslContext tls) {
        startTls = tls;
    }

    /**
     * Whether the connection starts in the clear (a STARTTLS listener): then the greeting goes out on
     * connect, not after the TLS handshake.
     *
     * @return false unless overridden
     */
    boolean startsInClear() {
        return false;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (startsInClear()) {
            greeted = true;
            greet();
            flush(ctx);
        }
        super.channelActive(ctx);
    }

    static String ascii(ByteBuf line) {
        return line.toString(StandardCharsets.US_ASCII);
    }

    static boolean isDot(ByteBuf line) {
        return line.readableBytes() == 1 && line.getByte(line.readerIndex()) == '.';
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent e) {
            if (e.isSuccess()) {
                if (!greeted) {
                    greeted = true;
                    greet();
                    flush(ctx);
                }
            } else {
                ctx.close();
            }
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
        line(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        flush(ctx);
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private void flush(ChannelHandlerContext ctx) {
        if (pending.length() == 0 && !closeAfterReply) {
            return;
        }
        ByteBuf out = ctx.alloc().buffer(pending.length());
        out.writeCharSequence(pending, StandardCharsets.US_ASCII);
        pending.setLength(0);
        boolean close = closeAfterReply;
        closeAfterReply = false;
        SslContext tls = startTls;
        startTls = null;
        Runnable write = () -> {
            if (close) {
                ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.writeAndFlush(out);
            }
            if (tls != null) {
                // the reply above is already on its way in the clear; what follows is TLS
                ctx.pipeline().addFirst(tls.newHandler(ctx.alloc()));
            }
        };
        if (delayMillis == 0) {
            write.run();
        } else {
            ctx.executor().schedule(write, delayMillis, TimeUnit.MILLISECONDS);
        }
    }
}
