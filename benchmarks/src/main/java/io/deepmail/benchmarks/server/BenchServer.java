package io.deepmail.benchmarks.server;

import io.deepmail.benchmarks.common.BenchPki;
import io.deepmail.benchmarks.common.Options;
import io.deepmail.core.tls.TlsOptions;
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
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * The responder JVM: one Implicit TLS listener on loopback per protocol and per delay, and an IMAP
 * listener with STARTTLS ({@code imap-starttls}) per delay. It prints
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
     * Starts the listeners and runs until standard input closes.
     *
     * @param args see the class comment
     * @throws Exception when a listener cannot start
     */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<Long> delays = new ArrayList<>();
        for (String d : options.get("delays", "0").split(",")) {
            delays.add(Long.parseLong(d.trim()));
        }
        PrintStream out = System.out;
        try (Listeners listeners = start(Path.of(options.get("pki")), delays, options.getInt("threads", 2))) {
            listeners.ports.forEach((key, port) -> out.println("LISTEN " + key.replace('/', ' ') + " " + port));
            out.println("READY");
            out.flush();
            awaitStdinClosed();
        }
    }

    /**
     * Starts an IMAP, a POP3, an SMTP and an IMAP STARTTLS listener on loopback for each delay.
     *
     * @param pki the PKI directory
     * @param delays the per-round-trip delays in milliseconds
     * @param threads event loop threads
     * @return the running listeners
     * @throws IOException when the credential cannot be read
     * @throws InterruptedException when interrupted while binding
     */
    public static Listeners start(Path pki, List<Long> delays, int threads) throws IOException, InterruptedException {
        SslContext tls = serverContext(pki);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        Listeners listeners = new Listeners(group);
        for (long delay : delays) {
            listeners.add("imap", delay, listen(group, tls, delay, ImapResponder::new));
            listeners.add("pop3", delay, listen(group, tls, delay, Pop3Responder::new));
            listeners.add("smtp", delay, listen(group, tls, delay, SmtpResponder::new));
            listeners.add("imap-starttls", delay, listen(group, null, delay, d -> new ImapResponder(d, tls)));
        }
        return listeners;
    }

    /** Running listeners, by protocol and delay. */
    public static final class Listeners implements AutoCloseable {

        private final EventLoopGroup group;
        private final List<Channel> channels = new ArrayList<>();
        private final Map<String, Integer> ports = new LinkedHashMap<>();

        private Listeners(EventLoopGroup group) {
            this.group = group;
        }

        private void add(String protocol, long delay, Channel channel) {
            channels.add(channel);
            ports.put(protocol + "/" + delay, ((InetSocketAddress) channel.localAddress()).getPort());
        }

        /**
         * The port of one listener.
         *
         * @param protocol {@code imap}, {@code pop3} or {@code smtp}
         * @param delay the delay in milliseconds
         * @return the port on 127.0.0.1
         */
        public int port(String protocol, long delay) {
            Integer port = ports.get(protocol + "/" + delay);
            if (port == null) {
                throw new IllegalArgumentException("no " + protocol + " listener with delay " + delay);
            }
            return port;
        }

        @Override
        public void close() {
            for (Channel c : channels) {
                c.close().syncUninterruptibly();
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
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
        SslContextBuilder builder = SslContextBuilder.forServer(pki.resolve(BenchPki.CHAIN_PEM).toFile(),
                pki.resolve(BenchPki.KEY_PEM).toFile()).sslProvider(provider).protocols("TLSv1.3", "TLSv1.2");
        if (provider == SslProvider.OPENSSL) {
            // the hybrid post-quantum group first, as deepmail offers by default
            builder.option(OpenSslContextOption.GROUPS, TlsOptions.DEFAULT_NAMED_GROUPS.toArray(String[]::new));
        }
        return builder.build();
    }

    /** Listens with Implicit TLS, or in the clear when {@code tls} is null (the responder offers STARTTLS). */
    private static Channel listen(EventLoopGroup group, @org.jspecify.annotations.Nullable SslContext tls, long delay,
            LongFunction<LineResponder> responder) throws InterruptedException {
        return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new LineBasedFrameDecoder(MAX_LINE, true, false), responder.apply(delay));
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    private static void awaitStdinClosed() throws IOException {
        while (System.in.read() >= 0) {
            // the driver never writes; end of input means it is done with us
        }
    }
}
