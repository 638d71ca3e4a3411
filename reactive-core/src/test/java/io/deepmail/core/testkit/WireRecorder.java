package io.deepmail.core.testkit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * First handler of every scripted connection: copies each inbound buffer into the connection's
 * wire record (and its cleartext record until TLS starts), then passes the buffer on untouched.
 */
final class WireRecorder extends ChannelInboundHandlerAdapter {

    private final ScriptedConnection connection;

    WireRecorder(ScriptedConnection connection) {
        this.connection = connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            connection.recordWire(ByteBufUtil.getBytes(buf, buf.readerIndex(), buf.readableBytes()));
        }
        ctx.fireChannelRead(msg);
    }
}
