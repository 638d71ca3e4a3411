package io.deepmail.core.internal.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;

/**
 * Stops the exception of a failed handshake from travelling on down the pipeline once the
 * handshake future has reported it as a typed error; without it Reactor Netty logs the same
 * failure again as "observed post termination". Every other exception passes through untouched.
 */
final class HandshakeFailureSink extends ChannelInboundHandlerAdapter {

    static final String NAME = "deepmail.handshakeFailure";

    private final SslHandler ssl;

    HandshakeFailureSink(SslHandler ssl) {
        this.ssl = ssl;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Future<?> handshake = ssl.handshakeFuture();
        if (handshake.isDone() && !handshake.isSuccess()) {
            return;
        }
        ctx.fireExceptionCaught(cause);
    }
}
