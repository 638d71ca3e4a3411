package io.deepmail.imap;

import io.deepmail.core.testkit.LabEnvironment;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * A line relay in front of the lab's Dovecot (implicit TLS on both sides) that hides every
 * {@code AUTH=} capability from the client: in the greeting's code, in untagged CAPABILITY and in
 * tagged {@code OK [CAPABILITY ...]}. It serves the lab's own RSA certificate, so the client checks
 * the identity of the lab host as usual, and verifies Dovecot against the lab CA. Binds 127.0.0.1 on
 * an ephemeral port and records every line the client sent.
 */
final class CapabilityStrippingRelay implements AutoCloseable {

    /** A greeting code, an untagged CAPABILITY, or a tagged OK with a CAPABILITY code. */
    private static final Pattern CAPABILITY_LINE = Pattern.compile("^\\S+ (OK \\[)?CAPABILITY ");
    private static final Pattern AUTH_TOKEN = Pattern.compile(" AUTH=[^ \\]\\r\\n]+");
    private static final int MAX_LINE = 1 << 20;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("capability-stripping-relay", true), NioIoHandler.newFactory());
    private final List<String> clientLines = new CopyOnWriteArrayList<>();
    private final Channel server;

    private CapabilityStrippingRelay(LabEnvironment env) throws Exception {
        SslContext toClient = SslContextBuilder.forServer(env.path("LAB_RSA_CERT_PEM").toFile(),
                env.path("LAB_RSA_CERT_PEM").resolveSibling("rsa.key").toFile()).build();
        SslContext toDovecot = SslContextBuilder.forClient().trustManager(env.path("LAB_CA_PEM").toFile()).build();
        String host = env.get("LAB_HOST");
        InetSocketAddress dovecot = new InetSocketAddress(env.get("LAB_IP4"), env.port("LAB_IMAPS_PORT"));
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel client) {
                        client.config().setAutoRead(false);
                        client.pipeline().addLast(toClient.newHandler(client.alloc()),
                                new LineBasedFrameDecoder(MAX_LINE, false, false));
                        connect(client, toDovecot, host, dovecot);
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    /** A relay to the lab's implicit-TLS IMAP port, started. */
    static CapabilityStrippingRelay start(LabEnvironment env) throws Exception {
        return new CapabilityStrippingRelay(env);
    }

    /** The relay's port on 127.0.0.1. */
    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Every line the client sent, without its CRLF, in order. */
    List<String> clientLines() {
        return List.copyOf(clientLines);
    }

    private void connect(Channel client, SslContext tls, String host, InetSocketAddress dovecot) {
        new Bootstrap().group(client.eventLoop()).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel upstream) {
                        SSLEngine engine = tls.newEngine(upstream.alloc(), host, dovecot.getPort());
                        SSLParameters parameters = engine.getSSLParameters();
                        parameters.setEndpointIdentificationAlgorithm("HTTPS");
                        engine.setSSLParameters(parameters);
                        upstream.pipeline().addLast(new SslHandler(engine),
                                new LineBasedFrameDecoder(MAX_LINE, false, false), new Forward(client, true));
                    }
                })
                .connect(dovecot).addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        client.close();
                        return;
                    }
                    client.pipeline().addLast(new Forward(f.channel(), false));
                    client.config().setAutoRead(true);
                });
    }

    /** Writes each line to the other side; from Dovecot, without AUTH= capabilities. */
    private final class Forward extends ChannelInboundHandlerAdapter {

        private final Channel other;
        private final boolean fromDovecot;

        Forward(Channel other, boolean fromDovecot) {
            this.other = other;
            this.fromDovecot = fromDovecot;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf line = (ByteBuf) msg;
            String text = line.toString(StandardCharsets.ISO_8859_1);
            if (!fromDovecot) {
                clientLines.add(text.stripTrailing());
                other.writeAndFlush(line);
            } else if (CAPABILITY_LINE.matcher(text).find()) {
                line.release();
                other.writeAndFlush(Unpooled.copiedBuffer(AUTH_TOKEN.matcher(text).replaceAll(""),
                        StandardCharsets.ISO_8859_1));
            } else {
                other.writeAndFlush(line);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            other.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
