package io.deepmail.core.transport;

import static io.deepmail.core.transport.EngineFixture.FINAL_LINE;
import static io.deepmail.core.transport.EngineFixture.VERIFY;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.LineEncoder;
import io.netty.handler.codec.string.LineSeparator;
import io.netty.handler.codec.string.StringDecoder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * The engine on a real event loop and a real socket (loopback, port 0), behind a line decoder and
 * encoder, with exchanges subscribed from Reactor's non-blocking threads. BlockHound watches both
 * those threads and the event loop.
 */
class EventLoopExchangeUnitTests {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private Channel server;

    @AfterEach
    void shutdown() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private ExchangeEngine<String, String> connect(ExchangeOptions options) {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        lineCodec(ch).addLast(new ScriptedServer());
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).syncUninterruptibly().channel();
        SocketAddress address = server.localAddress();
        ExchangeEngine<String, String> engine = ExchangeEngine.create(FifoCorrelator.instance(), options);
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        lineCodec(ch).addLast(ExchangeEngine.HANDLER_NAME, engine.handler());
                    }
                })
                .connect(address).syncUninterruptibly();
        return engine;
    }

    private static ChannelPipeline lineCodec(Channel ch) {
        return ch.pipeline()
                .addLast(new LineBasedFrameDecoder(1000))
                .addLast(new StringDecoder(StandardCharsets.US_ASCII))
                .addLast(new LineEncoder(LineSeparator.WINDOWS, StandardCharsets.US_ASCII));
    }

    @Test
    @DisplayName("exchanges subscribed concurrently from many threads each get their own reply")
    void concurrentSubscribers() {
        ExchangeEngine<String, String> engine = connect(ExchangeOptions.defaults());
        runMany(engine);
    }

    @Test
    @DisplayName("with pipelining, exchanges from many threads still each get their own reply")
    void concurrentPipelinedSubscribers() {
        ExchangeEngine<String, String> engine = connect(EngineFixture.pipelined());
        runMany(engine);
    }

    private static void runMany(ExchangeEngine<String, String> engine) {
        engine.exchange(Flux.<String>empty(), FINAL_LINE).as(StepVerifier::create)
                .expectNext("220 ready").expectComplete().verify(VERIFY);

        Flux.range(0, 200)
                .flatMap(i -> Mono.defer(() -> engine.exchange("MULTI " + i, FINAL_LINE).collectList()
                                .map(lines -> List.of(String.valueOf(i), String.join("|", lines))))
                        .subscribeOn(Schedulers.parallel()), 64)
                .as(StepVerifier::create)
                .thenConsumeWhile(pair -> {
                    String i = pair.get(0);
                    assertThat(pair.get(1)).isEqualTo("250-MULTI " + i + "|250 done " + i);
                    return true;
                })
                .expectComplete()
                .verify(VERIFY);

        engine.close().as(StepVerifier::create).expectComplete().verify(VERIFY);
    }

    /** Greets, then answers each {@code "MULTI n"} with a two-line reply. */
    private static final class ScriptedServer extends ChannelInboundHandlerAdapter {

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush("220 ready");
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            String command = (String) msg;
            ctx.write("250-" + command);
            ctx.writeAndFlush("250 done " + command.substring("MULTI ".length()));
        }
    }
}
