package io.deepmail.core.testkit;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.TcpDnsQueryDecoder;
import io.netty.handler.codec.dns.TcpDnsResponseEncoder;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * An in-process DNS server on {@code 127.0.0.1}, one ephemeral port for UDP and TCP, answering
 * from a programmable zone, built from Netty's DNS codec. It plays a validating recursive resolver
 * for deepmail's lookups: per name and type it serves chosen records with AD set or not, fails
 * "bogus" data with SERVFAIL unless the query has CD set, truncates over UDP and answers in full
 * over TCP, sends malformed rdata, answers late or not at all, or denies (NXDOMAIN, NODATA, with
 * an SOA carrying the negative TTL). A name with no answer configured gets NXDOMAIN without AD.
 *
 * <p>Every query received is logged with its header and EDNS0 bits ({@link #queries()}), so a test
 * can check what was asked and how. Runs on its own one-thread NIO event loop; never blocks there.
 *
 * <pre>{@code
 * try (TestDnsServer dns = TestDnsServer.start()) {
 *     dns.answer("_imaps._tcp.example.com", DnsRecordType.SRV,
 *             TestDnsAnswer.of(TestDnsRdata.srv(0, 1, 993, "mail.example.com")).authenticated());
 *     // point the lookup at dns.address() ...
 *     assertThat(dns.queries()).extracting(ReceivedDnsQuery::name).contains("_imaps._tcp.example.com");
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class TestDnsServer implements AutoCloseable {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);
    private static final int BIND_ATTEMPTS = 20;

    private final EventLoopGroup group;
    private final Map<String, TestDnsAnswer> zone = new ConcurrentHashMap<>();
    private final List<ReceivedDnsQuery> queries = new CopyOnWriteArrayList<>();
    private final Channel udp;
    private final Channel tcp;

    private TestDnsServer() {
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("test-dns-server", true),
                NioIoHandler.newFactory());
        Channel[] bound = null;
        try {
            for (int i = 0; i < BIND_ATTEMPTS && bound == null; i++) {
                bound = bindBoth();
            }
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
        if (bound == null) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("could not bind UDP and TCP on one port");
        }
        udp = bound[0];
        tcp = bound[1];
    }

    /**
     * Starts a server on {@code 127.0.0.1}, with an ephemeral port shared by UDP and TCP.
     *
     * @return the running server
     */
    public static TestDnsServer start() {
        return new TestDnsServer();
    }

    private Channel @Nullable [] bindBoth() {
        Channel u = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new ChannelInitializer<NioDatagramChannel>() {
                    @Override
                    protected void initChannel(NioDatagramChannel ch) {
                        ch.pipeline().addLast(new DatagramDnsQueryDecoder(), new DatagramDnsResponseEncoder(),
                                new DnsResponder(false, TestDnsServer.this::rule, queries::add));
                    }
                })
                .bind(new InetSocketAddress(NetUtil.LOCALHOST4, 0)).syncUninterruptibly().channel();
        int port = ((InetSocketAddress) u.localAddress()).getPort();
        try {
            Channel t = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new TcpDnsQueryDecoder(), new TcpDnsResponseEncoder(),
                                    new DnsResponder(true, TestDnsServer.this::rule, queries::add));
                        }
                    })
                    .bind(new InetSocketAddress(NetUtil.LOCALHOST4, port)).syncUninterruptibly().channel();
            return new Channel[] {u, t};
        } catch (Exception e) { // BindException, rethrown unchecked by Netty: that port is taken over TCP
            u.close().syncUninterruptibly();
            return null;
        }
    }

    /**
     * The address to configure as resolver.
     *
     * @return {@code 127.0.0.1} and the port
     */
    public InetSocketAddress address() {
        return (InetSocketAddress) udp.localAddress();
    }

    /**
     * Sets how a name and type are answered, replacing any earlier answer for them.
     *
     * @param name the owner name, with or without the trailing dot
     * @param type the queried type
     * @param answer the answer
     * @return this server
     */
    public TestDnsServer answer(String name, DnsRecordType type, TestDnsAnswer answer) {
        zone.put(key(DnsResponder.normalize(name), type), Objects.requireNonNull(answer, "answer"));
        return this;
    }

    /**
     * Every query received so far, in arrival order.
     *
     * @return an immutable snapshot
     */
    public List<ReceivedDnsQuery> queries() {
        return List.copyOf(queries);
    }

    /**
     * The queries received for one name and type.
     *
     * @param name the name
     * @param type the type
     * @return an immutable snapshot
     */
    public List<ReceivedDnsQuery> queries(String name, DnsRecordType type) {
        String n = DnsResponder.normalize(name);
        return queries.stream().filter(q -> q.name().equals(n) && q.type().equals(type)).toList();
    }

    /** Forgets the queries received so far. */
    public void clearQueries() {
        queries.clear();
    }

    private TestDnsAnswer rule(String name, DnsRecordType type) {
        TestDnsAnswer a = zone.get(key(name, type));
        return a != null ? a : TestDnsAnswer.nxdomain().ttl(0);
    }

    private static String key(String name, DnsRecordType type) {
        return name + "/" + type.intValue();
    }

    @Override
    public void close() {
        udp.close();
        tcp.close();
        group.shutdownGracefully(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT.toMillis() + 1_000);
    }
}
