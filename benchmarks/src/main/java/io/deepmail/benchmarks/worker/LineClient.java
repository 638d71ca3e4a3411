package io.deepmail.benchmarks.worker;

import io.deepmail.benchmarks.common.BenchPki;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import reactor.netty.resources.LoopResources;

/**
 * The raw Netty floor: a minimal scripted line client on a plain {@code Bootstrap}, on the same
 * event loops and transport as ours. It knows nothing of the protocol beyond "wait for this many
 * final lines".
 */
final class LineClient {

    private final Bootstrap bootstrap;

    LineClient(LoopResources loops, SslContext tls, int port, Predicate<ByteBuf> greetingFinal) {
        EventLoopGroup group = loops.onClient(true);
        this.bootstrap = new Bootstrap().group(group)
                .channelFactory(() -> loops.onChannel(SocketChannel.class, group))
                .option(ChannelOption.TCP_NODELAY, true)
                .remoteAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc(), BenchPki.HOST, port),
                                new LineBasedFrameDecoder(64 * 1024), new Conn(greetingFinal));
                    }
                });
    }

    /** Connects; completes once the greeting's final line is read. */
    CompletableFuture<Conn> connect() {
        CompletableFuture<Conn> result = new CompletableFuture<>();
        ChannelFuture connect = bootstrap.connect();
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
                return;
            }
            Channel ch = connect.channel();
            Conn conn = ch.pipeline().get(Conn.class);
            conn.greeting.whenComplete((last, e) -> {
                if (e != null) {
                    ch.close();
                    result.completeExceptionally(e);
                } else {
                    result.complete(conn);
                }
            });
        });
        return result;
    }

    /** One connection: at most one expectation at a time, as a closed loop needs. */
    static final class Conn extends SimpleChannelInboundHandler<ByteBuf> {

        private final CompletableFuture<String> greeting = new CompletableFuture<>();
        private Channel channel;
        private int remaining = 1;
        private Predicate<ByteBuf> isFinal;
        private CompletableFuture<String> pending = greeting;

        Conn(Predicate<ByteBuf> greetingFinal) {
            this.isFinal = greetingFinal;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            channel = ctx.channel();
        }

        /**
         * Waits for {@code finals} lines matching {@code isFinal}; completes with the last one.
         * Must be called before the replies can arrive (before writing the request).
         */
        CompletableFuture<String> expect(int finals, Predicate<ByteBuf> finalLine) {
            CompletableFuture<String> f = new CompletableFuture<>();
            channel.eventLoop().execute(() -> {
                remaining = finals;
                isFinal = finalLine;
                pending = f;
            });
            return f;
        }

        /** Writes a request and waits for its replies. */
        CompletableFuture<String> exchange(ByteBuf request, int finals, Predicate<ByteBuf> finalLine) {
            CompletableFuture<String> f = expect(finals, finalLine);
            channel.writeAndFlush(request);
            return f;
        }

        CompletableFuture<Void> close() {
            CompletableFuture<Void> f = new CompletableFuture<>();
            channel.close().addListener(x -> f.complete(null));
            return f;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
            if (remaining > 0 && isFinal.test(line) && --remaining == 0) {
                pending.complete(line.toString(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            pending.completeExceptionally(new ClosedChannelException());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            pending.completeExceptionally(cause);
            ctx.close();
        }
    }
}
