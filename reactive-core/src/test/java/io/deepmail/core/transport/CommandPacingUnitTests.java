package io.deepmail.core.transport;

import static io.deepmail.core.transport.EngineFixture.VERIFY;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.ConnectionException;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * How much of a command stream one event-loop task writes (benchmark B3: a 5 MB message must not
 * block the event loop for long). On a real event loop over a loopback connection, a synchronous
 * publisher of large chunks is written in turns of a bounded number of bytes, each turn its own
 * round of the event loop, in order; many small commands still go out in one task. Every buffer
 * is checked for release; the leak detector runs at PARANOID.
 */
class CommandPacingUnitTests {

    private static final int CHUNK = 64 * 1024;
    private static final int CHUNKS = 40;
    /** The writer's per-task share (256 KB) plus the one chunk that may cross it. */
    private static final int MOST_PER_TASK = 256 * 1024 + CHUNK;
    private static final Predicate<String> NEVER_LAST = s -> false;

    private final List<ByteBuf> made = new ArrayList<>();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    @AfterEach
    void everyBufferReleased() throws InterruptedException {
        assertThat(group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(made).allSatisfy(b -> assertThat(b.refCnt()).as("refCnt of %s", b).isZero());
    }

    /** A chunk whose every byte is its index, so order on the wire can be checked. */
    private ByteBuf chunk(int index) {
        byte[] bytes = new byte[CHUNK];
        Arrays.fill(bytes, (byte) index);
        ByteBuf b = PooledByteBufAllocator.DEFAULT.heapBuffer(CHUNK).writeBytes(bytes);
        made.add(b);
        return b;
    }

    @Test
    @DisplayName("a synchronous publisher of large chunks is written a bounded share per event-loop round, in order")
    void largeChunksWrittenInTurns() throws Exception {
        Sink sink = new Sink();
        TaskProbe probe = new TaskProbe(() -> sink.received < (long) CHUNKS * CHUNK);
        ExchangeEngine<ByteBuf, String> engine = connect(sink, probe);

        CompletableFuture<Long> firstTask = new CompletableFuture<>();
        CompletableFuture<StepVerifier> closed = new CompletableFuture<>();
        group.next().execute(() -> {
            closed.complete(engine.exchange(Flux.range(0, CHUNKS).map(this::chunk), NEVER_LAST)
                    .as(StepVerifier::create).expectError(ConnectionException.class).verifyLater());
            firstTask.complete(probe.start());
        });
        sink.all.get(10, TimeUnit.SECONDS);
        TaskProbe.Result r = group.next().submit(probe::result).get(10, TimeUnit.SECONDS);

        assertThat(sink.outOfOrder).as("chunks out of order").isZero();
        assertThat(firstTask.get()).as("bytes written by the subscribing task").isBetween(1L, (long) MOST_PER_TASK);
        assertThat(r.most()).as("most bytes written between two timer runs").isLessThanOrEqualTo(MOST_PER_TASK);
        assertThat(r.turns()).as("rounds that wrote").isGreaterThanOrEqualTo(CHUNKS * CHUNK / MOST_PER_TASK);
        assertThat(r.bytes()).as("bytes written").isEqualTo((long) CHUNKS * CHUNK);
        engine.close().block(VERIFY);
        closed.get(10, TimeUnit.SECONDS).verify(VERIFY);
    }

    @Test
    @DisplayName("many small commands are still written in the subscribing task, without a per-command flush")
    void smallCommandsStayPipelined() {
        EngineFixture<String, String> fx = EngineFixture.fifo();
        int[] flushes = {0};
        fx.channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
            @Override
            public void flush(ChannelHandlerContext ctx) {
                flushes[0]++;
                ctx.flush();
            }
        });

        StepVerifier closed = fx.engine.exchange(Flux.range(1, 300).map(i -> "line " + i), NEVER_LAST)
                .as(StepVerifier::create).expectError(ConnectionException.class).verifyLater();

        assertThat(fx.channel.hasPendingTasks()).as("continuation tasks queued").isFalse();
        assertThat(flushes[0]).as("flushes: the batch and the end of the stream").isLessThanOrEqualTo(2);
        assertThat(fx.written()).hasSize(300).startsWith("line 1").endsWith("line 300");
        fx.channel.close();
        closed.verify(VERIFY);
    }

    @Test
    @DisplayName("closing the channel between turns releases the written, the in-flight and the never-requested chunks")
    void closeMidStreamReleasesEverything() throws Exception {
        Sink sink = new Sink();
        ExchangeEngine<ByteBuf, String> engine = connect(sink, new TaskProbe(() -> false));
        List<ByteBuf> chunks = new ArrayList<>();
        for (int i = 0; i < CHUNKS; i++) {
            chunks.add(chunk(i));
        }

        CompletableFuture<StepVerifier> failed = new CompletableFuture<>();
        group.next().execute(() -> {
            failed.complete(engine.exchange(Flux.fromIterable(chunks), NEVER_LAST).as(StepVerifier::create)
                    .expectError(ConnectionException.class).verifyLater());
            // Closes in this round, before the writer's next turn.
            group.next().execute(() -> engine.close().subscribe());
        });

        failed.get(10, TimeUnit.SECONDS).verify(VERIFY);
        sink.closed.get(10, TimeUnit.SECONDS);
        long received = group.next().submit(() -> sink.received).get(10, TimeUnit.SECONDS);
        assertThat(received).as("bytes that reached the peer").isPositive().isLessThan((long) CHUNKS * CHUNK);
        assertThat(sink.outOfOrder).as("bytes out of order").isZero();
    }

    private ExchangeEngine<ByteBuf, String> connect(Sink sink, TaskProbe probe) throws InterruptedException {
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class).childHandler(sink)
                .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
        ExchangeEngine<ByteBuf, String> engine = ExchangeEngine.create(FifoCorrelator.instance(), ExchangeOptions.defaults());
        new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(probe).addLast(ExchangeEngine.HANDLER_NAME, engine.handler());
            }
        }).connect((InetSocketAddress) server.localAddress()).sync();
        return engine;
    }

    /** The peer: checks that every byte carries the index of its chunk, releases, and notes the close. */
    @ChannelHandler.Sharable
    private static final class Sink extends ChannelInboundHandlerAdapter {

        private final CompletableFuture<Void> all = new CompletableFuture<>();
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        private long received;
        private int outOfOrder;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf b = (ByteBuf) msg;
            try {
                for (byte x : ByteBufUtil.getBytes(b)) {
                    if (x != (byte) (received++ / CHUNK)) {
                        outOfOrder++;
                    }
                }
                if (received == (long) CHUNKS * CHUNK) {
                    all.complete(null);
                }
            } finally {
                b.release();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closed.complete(null);
            ctx.fireChannelInactive();
        }
    }

    /**
     * Counts the bytes written per round of the event loop with a zero-delay timer that schedules
     * itself again while the stream lasts, like the benchmark's stall probe: the bytes written
     * between two runs of the marker held the loop before the timer could run.
     */
    private static final class TaskProbe extends ChannelOutboundHandlerAdapter {

        record Result(long most, int turns, long bytes) {
        }

        private final BooleanSupplier running;
        private @Nullable EventLoop loop;
        private long bytes;
        private long total;
        private long most;
        private int turns;

        TaskProbe(BooleanSupplier running) {
            this.running = running;
        }

        /** Ends the first segment (the calling task) and starts marking; on the event loop. */
        long start() {
            long first = bytes;
            mark();
            return first;
        }

        Result result() {
            return new Result(most, turns, total);
        }

        private void mark() {
            most = Math.max(most, bytes);
            if (bytes > 0) {
                turns++;
            }
            bytes = 0;
            if (running.getAsBoolean()) {
                Objects.requireNonNull(loop).schedule(this::mark, 0, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            loop = ctx.channel().eventLoop();
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof ByteBuf b) {
                bytes += b.readableBytes();
                total += b.readableBytes();
            }
            ctx.write(msg, promise);
        }
    }
}
