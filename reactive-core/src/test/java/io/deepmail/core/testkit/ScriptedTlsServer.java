package io.deepmail.core.testkit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.Mapping;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * A TLS test server on {@code 127.0.0.1}, ephemeral port, that runs a {@link Script} on every
 * accepted connection and records what the client sent. For fault injection and hostile-server
 * tests: STARTTLS stripping and injection, TLS version and suite restrictions, bad certificates.
 *
 * <p>Built on plain Netty (NIO, its own one-thread event loop group). Scripts run on that event
 * loop without blocking; every inbound buffer is copied and released at once. The waiting methods
 * ({@code await*}) are meant for the test thread and must not be called on the event loop.
 *
 * <pre>{@code
 * try (ScriptedTlsServer server = ScriptedTlsServer.builder()
 *         .credential(key, chain)
 *         .script(Script.builder().send("* OK ready\r\n").expectLine("a1 STARTTLS")
 *                 .sendThenInject("a1 OK go\r\n", "* BYE forged\r\n").startTls().build())
 *         .start()) {
 *     // connect the client to server.address() ...
 *     ScriptedConnection connection = server.awaitConnection(0, Duration.ofSeconds(5));
 *     assertThat(connection.awaitScriptFailure(Duration.ofSeconds(5))).hasMessageContaining("closed");
 *     assertThat(connection.tlsReceived()).isEmpty();
 * }
 * }</pre>
 *
 * <h2>TLS providers</h2>
 * <ul>
 *   <li>{@link SslProvider#JDK} (default): SunJSSE, bound by the {@code jdk.tls.disabledAlgorithms}
 *       security property, so it cannot serve TLS 1.0 or 1.1 on JDK 17. Static-RSA suites such as
 *       {@code TLS_RSA_WITH_AES_128_GCM_SHA256} work as long as that property does not list
 *       {@code TLS_RSA_*} (later JDK updates add it). Several credentials work: the key manager picks
 *       the one whose key type fits the suite the client offers.</li>
 *   <li>{@link SslProvider#OPENSSL}: BoringSSL through netty-tcnative, not bound by JDK security
 *       properties: it serves TLS 1.1 (with a CBC suite such as
 *       {@code TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA}) and static-RSA suites when they are configured
 *       explicitly. With several credentials, Netty 4.2 loads one key per handshake, for the first
 *       key type the server's own cipher order can use (ECDSA before RSA by default), whatever the
 *       client offers; restrict {@link Builder#ciphers(String...)} to choose.</li>
 *   <li>{@link Builder#jcaProvider(Provider)}: another JSSE provider, such as Bouncy Castle's
 *       {@code BouncyCastleJsseProvider}. BCJSSE 1.83 reads the same {@code jdk.tls.disabledAlgorithms}
 *       property (once, when its constraints class loads; it has no property of its own to override
 *       it) and wraps any {@code AlgorithmConstraints} set through {@code SSLParameters} so that they
 *       only narrow it. So it cannot be told per instance to serve TLS 1.1: the handshake fails with
 *       "No usable protocols enabled". Several credentials work as with SunJSSE.</li>
 * </ul>
 *
 * <p>BlockHound: the server's event loop runs on Netty threads, which BlockHound polices, except
 * with a JCA provider (see {@link Builder#jcaProvider(Provider)}).
 *
 * @since 0.1
 */
public final class ScriptedTlsServer implements AutoCloseable {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final @Nullable SslContext sslContext;
    private final List<ScriptedConnection> connections = new CopyOnWriteArrayList<>();
    private final Object arrivals = new Object();

    private ScriptedTlsServer(Builder builder) throws SSLException {
        SslContext context = builder.credentials.isEmpty() ? null
                : ServerTlsContexts.build(builder.credentials, builder.protocols, builder.ciphers, builder.groups,
                        builder.sslProvider, builder.jcaProvider);
        if (context == null && builder.implicitTls) {
            throw new IllegalStateException("implicit TLS needs at least one credential");
        }
        this.sslContext = context;
        Supplier<ChannelHandler> tlsHandlers = context == null ? null : () -> newTlsHandler(context);
        IntFunction<Script> scripts = builder.scripts;
        boolean implicitTls = builder.implicitTls;
        AtomicInteger accepted = new AtomicInteger();
        this.group = new MultiThreadIoEventLoopGroup(1, threads(builder.jcaProvider != null),
                NioIoHandler.newFactory());
        try {
            this.serverChannel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            ScriptedConnection connection = new ScriptedConnection(accepted.getAndIncrement());
                            channel.pipeline().addLast("wire", new WireRecorder(connection));
                            if (implicitTls && tlsHandlers != null) {
                                channel.pipeline().addLast(ScriptRunner.TLS_HANDLER_NAME, tlsHandlers.get());
                                connection.markTlsStarted();
                            }
                            Script script = Objects.requireNonNull(scripts.apply(connection.index()),
                                    "no script for connection " + connection.index());
                            channel.pipeline().addLast("script",
                                    new ScriptRunner(connection, script, tlsHandlers, implicitTls));
                            connections.add(connection);
                            synchronized (arrivals) {
                                arrivals.notifyAll();
                            }
                        }
                    })
                    .bind(new InetSocketAddress(NetUtil.LOCALHOST4, 0))
                    .syncUninterruptibly()
                    .channel();
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            ReferenceCountUtil.release(context);
            throw e;
        }
    }

    /**
     * Starts configuring a server.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The port the server listens on.
     *
     * @return the ephemeral port
     */
    public int port() {
        return address().getPort();
    }

    /**
     * The address the server listens on.
     *
     * @return {@code 127.0.0.1} and {@link #port()}
     */
    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /**
     * The connections accepted so far, in accept order.
     *
     * @return an immutable snapshot
     */
    public List<ScriptedConnection> connections() {
        return List.copyOf(connections);
    }

    /**
     * Waits until the {@code index}-th connection (0-based) has been accepted.
     *
     * @param index the connection's position in accept order
     * @param timeout how long to wait
     * @return that connection
     * @throws AssertionError on timeout
     */
    public ScriptedConnection awaitConnection(int index, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (arrivals) {
            while (connections.size() <= index) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out after " + timeout + " waiting for connection #" + index
                            + "; accepted " + connections.size());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(arrivals, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for connection #" + index, e);
                }
            }
        }
        return connections.get(index);
    }

    /**
     * Waits for the first connection and for its script to succeed; the usual one-connection test.
     * The timeout covers both waits.
     *
     * @param timeout how long to wait in total
     * @return the first connection
     * @throws AssertionError with the script's failure, or on timeout
     */
    public ScriptedConnection awaitScriptDone(Duration timeout) {
        long start = System.nanoTime();
        ScriptedConnection first = awaitConnection(0, timeout);
        first.awaitScriptDone(timeout.minusNanos(System.nanoTime() - start));
        return first;
    }

    /**
     * Closes the listening socket and every connection, and stops the event loop. Waits for that,
     * so it must not be called from the server's own event loop.
     */
    @Override
    public void close() {
        if (group.next().inEventLoop()) {
            throw new IllegalStateException("close() would wait on its own event loop");
        }
        serverChannel.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT.toMillis());
        group.shutdownGracefully(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT.toMillis() * 2);
        ReferenceCountUtil.release(sslContext);
    }

    @Override
    public String toString() {
        return "ScriptedTlsServer[" + serverChannel.localAddress() + ", connections=" + connections.size() + "]";
    }

    /**
     * Netty's threads, which BlockHound polices; plain threads with a JCA provider (see
     * {@link Builder#jcaProvider(Provider)}). The script code is the same either way.
     */
    private static ThreadFactory threads(boolean plain) {
        if (!plain) {
            return new DefaultThreadFactory("scripted-tls-server", true);
        }
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "scripted-tls-server-jca-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static ChannelHandler newTlsHandler(SslContext context) {
        // The SniHandler reads the ClientHello's server_name, fires SniCompletionEvent, and replaces
        // itself with the SslHandler of the one context.
        Mapping<String, SslContext> mapping = hostName -> context;
        return new SniHandler(mapping);
    }

    /**
     * Configures a {@link ScriptedTlsServer}. Without a credential the server can only run cleartext
     * scripts.
     *
     * @since 0.1
     */
    public static final class Builder {

        private final List<ServerTlsContexts.Credential> credentials = new ArrayList<>();
        private @Nullable List<String> protocols;
        private @Nullable List<String> ciphers;
        private @Nullable List<String> groups;
        private SslProvider sslProvider = SslProvider.JDK;
        private @Nullable Provider jcaProvider;
        private boolean implicitTls;
        private IntFunction<Script> scripts = index -> Script.builder().awaitClose().build();

        private Builder() {
        }

        /**
         * Adds a server credential. Call again for a second key type (RSA and ECDSA at once).
         *
         * @param key the private key
         * @param chain the certificate chain, leaf first
         * @return this builder
         */
        public Builder credential(PrivateKey key, List<X509Certificate> chain) {
            credentials.add(new ServerTlsContexts.Credential(key, chain));
            return this;
        }

        /**
         * Adds a server credential.
         *
         * @param key the private key
         * @param chain the certificate chain, leaf first
         * @return this builder
         */
        public Builder credential(PrivateKey key, X509Certificate... chain) {
            return credential(key, Arrays.asList(chain));
        }

        /**
         * Restricts the TLS protocol versions, in JSSE names ({@code "TLSv1.2"}, {@code "TLSv1.3"}).
         *
         * @param enabled the versions to enable
         * @return this builder
         */
        public Builder protocols(String... enabled) {
            this.protocols = List.of(enabled);
            return this;
        }

        /**
         * Restricts the cipher suites, in IANA/JSSE names; the TLS 1.3 suites count too. Names the
         * provider does not know fail {@link #start()}.
         *
         * @param enabled the suites to enable
         * @return this builder
         */
        public Builder ciphers(String... enabled) {
            this.ciphers = List.of(enabled);
            return this;
        }

        /**
         * Restricts the key-exchange groups, in BoringSSL names ({@code "X25519MLKEM768"},
         * {@code "x25519"}); BoringSSL ({@link SslProvider#OPENSSL}) only.
         *
         * @param enabled the groups to accept
         * @return this builder
         */
        public Builder groups(String... enabled) {
            this.groups = List.of(enabled);
            return this;
        }

        /**
         * Chooses Netty's TLS implementation: {@link SslProvider#JDK} (the default) or
         * {@link SslProvider#OPENSSL} (BoringSSL).
         *
         * @param provider the implementation
         * @return this builder
         */
        public Builder sslProvider(SslProvider provider) {
            this.sslProvider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * Uses a JSSE provider instance through Netty's JDK implementation; implies
         * {@link SslProvider#JDK}. Nothing is registered globally, so give Bouncy Castle its crypto
         * provider explicitly: {@code new BouncyCastleJsseProvider(new BouncyCastleProvider())} (the
         * no-argument form needs a globally registered {@code DEFAULT} {@code SecureRandom}).
         *
         * <p>With a JCA provider the server's event loop runs on plain threads that BlockHound does
         * not police: Bouncy Castle draws from the JVM-wide default {@code SecureRandom} inside
         * {@code SSLEngine.wrap/unwrap} (RSA blinding, EC point randomisation), and {@code NativePRNG}
         * then reads {@code /dev/urandom} from time to time. Netty exempts SunJSSE's engine from
         * BlockHound for the same kind of call.
         *
         * @param provider the JSSE provider
         * @return this builder
         */
        public Builder jcaProvider(Provider provider) {
            this.jcaProvider = Objects.requireNonNull(provider, "provider");
            this.sslProvider = SslProvider.JDK;
            return this;
        }

        /**
         * Starts TLS as soon as a connection is accepted (port 465/993/995 style); the script runs
         * after the handshake.
         *
         * @return this builder
         */
        public Builder implicitTls() {
            this.implicitTls = true;
            return this;
        }

        /**
         * Runs the same script on every connection. The default script waits for the client to close.
         *
         * @param script the script
         * @return this builder
         */
        public Builder script(Script script) {
            Objects.requireNonNull(script, "script");
            this.scripts = index -> script;
            return this;
        }

        /**
         * Chooses a script per connection, by its 0-based accept index.
         *
         * @param scriptForConnection returns the script of each connection
         * @return this builder
         */
        public Builder scripts(IntFunction<Script> scriptForConnection) {
            this.scripts = Objects.requireNonNull(scriptForConnection, "scriptForConnection");
            return this;
        }

        /**
         * Builds the TLS context, binds {@code 127.0.0.1:0} and starts accepting.
         *
         * @return the running server
         * @throws SSLException when the TLS configuration is rejected by the provider
         */
        public ScriptedTlsServer start() throws SSLException {
            if (sslProvider != SslProvider.JDK && jcaProvider != null) {
                throw new IllegalStateException("a JCA provider needs SslProvider.JDK");
            }
            return new ScriptedTlsServer(this);
        }
    }
}
