package io.deepmail.core.internal.dns;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DatagramPacket;

/**
 * Sets the AD and CD bits in the header of every DNS query a channel sends. Netty 4.2's query
 * encoder writes only ID, opcode and RD, dropping the Z bits, so the bits are set on the encoded
 * bytes: this handler sits first in the pipeline, between the encoder and the socket. In the
 * 16-bit flags word (message octets 2-3), AD is {@code 0x0020} and CD is {@code 0x0010}
 * (RFC 4035 §3.2, RFC 6840 §5.7-5.9). Over TCP the message follows a two-octet length.
 */
@ChannelHandler.Sharable
final class DnsHeaderFlags extends ChannelOutboundHandlerAdapter {

    /** AD in the low octet of the flags word. */
    static final int AD = 0x20;

    /** CD in the low octet of the flags word. */
    static final int CD = 0x10;

    private static final int FLAGS_LOW_OCTET = 3;
    private static final int TCP_LENGTH_OCTETS = 2;

    private final int bits;

    /**
     * A handler setting the given bits.
     *
     * @param bits {@link #AD}, {@link #CD} or both
     */
    DnsHeaderFlags(int bits) {
        this.bits = bits;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof DatagramPacket packet) {
            set(packet.content(), 0);
        } else if (msg instanceof ByteBuf buf) {
            set(buf, TCP_LENGTH_OCTETS);
        }
        super.write(ctx, msg, promise);
    }

    private void set(ByteBuf buf, int offset) {
        int index = buf.readerIndex() + offset + FLAGS_LOW_OCTET;
        if (index < buf.writerIndex()) {
            buf.setByte(index, buf.getUnsignedByte(index) | bits);
        }
    }
}
