package io.deepmail.core.internal.transport;

import io.deepmail.core.ProtocolViolationException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * Keeps the bytes a server sends before the protocol has installed its codec and exchange engine
 * (a greeting right after the TLS handshake, which the TLS handler may already have read), so
 * that none of them leak past the codec. Bounded; {@link #release} hands them on in order and
 * leaves the pipeline.
 */
final class InboundHold extends ChannelInboundHandlerAdapter {

    static final String NAME = "deepmail.inboundHold";

    /** Most bytes held: a greeting and capability banner fit many times over. */
    static final int MAX_HELD_BYTES = 64 * 1024;

    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private int heldBytes;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        heldBytes += msg instanceof ByteBuf b ? b.readableBytes() : 0;
        if (heldBytes > MAX_HELD_BYTES) {
            ReferenceCountUtil.release(msg);
            releaseAll();
            ctx.fireExceptionCaught(new ProtocolViolationException("the server sent more than " + MAX_HELD_BYTES
                    + " bytes before the client had asked for anything"));
            ctx.close();
            return;
        }
        held.add(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // Held, not delivered: nothing downstream needs to know.
    }

    private boolean handingOn;

    /**
     * Hands the held messages, in order, to the handlers after the hold and removes it, if it is
     * still in the pipeline. Must run on the event loop.
     *
     * @param pipeline the channel's pipeline
     */
    static void release(io.netty.channel.ChannelPipeline pipeline) {
        if (pipeline.get(NAME) instanceof InboundHold hold) {
            hold.handingOn = true;
            pipeline.remove(hold);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (!handingOn || !ctx.channel().isActive()) {
            releaseAll();
            return;
        }
        boolean any = !held.isEmpty();
        while (!held.isEmpty()) {
            ctx.fireChannelRead(held.poll());
        }
        if (any) {
            ctx.fireChannelReadComplete();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseAll();
        ctx.fireChannelInactive();
    }

    private void releaseAll() {
        while (!held.isEmpty()) {
            ReferenceCountUtil.release(held.poll());
        }
        heldBytes = 0;
    }
}
