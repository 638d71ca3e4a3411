package io.deepmail.core.internal.dns;

import io.deepmail.core.dns.DnsOptions;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.NoopAuthoritativeDnsServerCache;
import io.netty.resolver.dns.NoopDnsCache;
import io.netty.resolver.dns.NoopDnsCnameCache;
import io.netty.resolver.dns.SequentialDnsServerAddressStreamProvider;
import java.net.InetSocketAddress;
import java.util.List;
import reactor.netty.resources.LoopResources;

/**
 * Builds Netty {@link DnsNameResolver}s for raw queries on one of the client's event loops: no
 * caches of Netty's own (deepmail caches whole answers with their status), no search domains, the
 * configured servers only, and a {@link DnsHeaderFlags} handler first in every channel, UDP and
 * TCP alike, so that each query carries the AD bit, and the CD bit for the resolver that tells
 * BOGUS from INDETERMINATE.
 */
final class Resolvers {

    private Resolvers() {
    }

    /**
     * A resolver whose queries carry the given header bits.
     *
     * @param loops the client's loop resources, for channels of the matching transport
     * @param group the event loop group the channels run on
     * @param loop the event loop the resolver runs on
     * @param options timeouts and TCP fallback
     * @param servers the servers the resolver may be asked to query
     * @param headerBits {@link DnsHeaderFlags#AD}, optionally with {@link DnsHeaderFlags#CD}
     * @return the resolver; close it when done
     */
    static DnsNameResolver build(LoopResources loops, EventLoopGroup group, EventLoop loop, DnsOptions options,
            List<InetSocketAddress> servers, int headerBits) {
        DnsHeaderFlags flags = new DnsHeaderFlags(headerBits);
        ChannelFactory<DatagramChannel> udp = () -> {
            DatagramChannel ch = loops.onChannel(DatagramChannel.class, group);
            ch.pipeline().addFirst("deepmail.dns.flags", flags);
            return ch;
        };
        DnsNameResolverBuilder b = new DnsNameResolverBuilder(loop)
                .datagramChannelFactory(udp)
                .nameServerProvider(new SequentialDnsServerAddressStreamProvider(servers))
                .queryTimeoutMillis(options.queryTimeout().toMillis())
                .maxPayloadSize(DnssecOptRecord.PAYLOAD_SIZE)
                .optResourceEnabled(true)
                .recursionDesired(true)
                .maxQueriesPerResolve(1)
                .ndots(1)
                .searchDomains(List.of())
                .decodeIdn(false)
                .resolveCache(NoopDnsCache.INSTANCE)
                .cnameCache(NoopDnsCnameCache.INSTANCE)
                .authoritativeDnsServerCache(NoopAuthoritativeDnsServerCache.INSTANCE);
        if (options.tcpFallback()) {
            ChannelFactory<SocketChannel> tcp = () -> {
                SocketChannel ch = loops.onChannel(SocketChannel.class, group);
                ch.pipeline().addFirst("deepmail.dns.flags", flags);
                return ch;
            };
            b.socketChannelFactory(tcp, false);
        }
        return b.build();
    }
}
