package io.deepmail.benchmarks.server;

import io.deepmail.benchmarks.common.BenchPki;
import io.deepmail.benchmarks.common.Options;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The responder JVM: one Implicit TLS listener on loopback per protocol and per delay. It prints
 * {@code LISTEN <protocol> <delayMillis> <port>} per listener, then {@code READY}, and runs until
 * its standard input closes (the driver's end of the pipe).
 *
 * <p>Options: {@code --pki DIR} (from {@link BenchPki#write}), {@code --delays 0,5,20},
 * {@code --threads N} (event loops, default 2).
 */
public final class BenchServer {

    /** Longest line accepted, message content included. */
    private static final int MAX_LINE = 64 * 1024;

    private BenchServer() {
    }

    /**
     * Starts the listeners.
     *
     * @param args see the class comment
     * @throws Exception when a listener cannot start
     */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path pki = Path.of(options.get("pki"));
        SslContext tls = serverContext(pki);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(options.getInt("threads", 2), NioIoHandler.newFactory());
        List<Channel> listeners = new ArrayList<>();
        PrintStream out = System.out;
        for (String d : options.get("delays", "0").split(",")) {
            long delay = Long.parseLong(d.trim());
            listeners.add(listen(group, tls, "imap", delay, ImapResponder::new, out));
            listeners.add(listen(group, tls, "pop3", delay, Pop3Responder::new, out));
            listeners.add(listen(group, tls, "smtp", delay, SmtpResponder::new, out));
        }
        out.println("READY");
        out.flush();
        awaitStdinClosed();
        for (Channel c : listeners) {
            c.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    /**
     * The server TLS context: BoringSSL when it loads, TLS 1.3 and 1.2, the benchmark leaf.
     *
     * @param pki the PKI directory
     * @return the context
     * @throws IOException when the credential cannot be read
     */
    static SslContext serverContext(Path pki) throws IOException {
        SslProvider provider = io.netty.handler.ssl.OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
        return SslContextBuilder.forServer(pki.resolve(BenchPki.CHAIN_PEM).toFile(), pki.resolve(BenchPki.KEY_PEM).toFile())
                .sslProvider(provider).protocols("TLSv1.3", "TLSv1.2").build();
    }

    private static Channel listen(EventLoopGroup group, SslContext tls, String protocol, long delay,
            LongFunction<LineResponder> responder, PrintStream out) throws InterruptedException {
        Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc()),
                                new LineBasedFrameDecoder(MAX_LINE, true, false), responder.apply(delay));
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        out.println("LISTEN " + protocol + " " + delay + " " + ((InetSocketAddress) channel.localAddress()).getPort());
        return channel;
    }

    private static void awaitStdinClosed() throws IOException {
        while (System.in.read() >= 0) {
            // the driver never writes; end of input means it is done with us
        }
    }
}
