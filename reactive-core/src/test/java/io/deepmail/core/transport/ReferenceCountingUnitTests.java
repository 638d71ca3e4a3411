package io.deepmail.core.transport;

import static io.deepmail.core.transport.EngineFixture.VERIFY;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.ConnectionException;
import io.deepmail.core.ResponseQueueFullException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.WriteBufferWaterMark;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Reference-counted responses, such as message body chunks, are released on every path where the
 * engine drops them. Each test also checks every buffer it made; the leak detector runs at
 * PARANOID and fails the class on any leak.
 */
class ReferenceCountingUnitTests {

    /** POP3-style: a chunk starting with {@code '.'} ends the multi-line response. */
    private static final Predicate<ByteBuf> TERMINATOR = b -> b.getByte(b.readerIndex()) == '.';

    private final List<ByteBuf> made = new ArrayList<>();

    @AfterEach
    void everyBufferReleased() {
        assertThat(made).allSatisfy(b -> assertThat(b.refCnt()).as("refCnt of %s", b).isZero());
    }

    private ByteBuf buf(String text) {
        ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer();
        b.writeCharSequence(text, US_ASCII);
        made.add(b);
        return b;
    }

    private static String text(ByteBuf b) {
        try {
            return b.toString(US_ASCII);
        } finally {
            b.release();
        }
    }

    private static EngineFixture<String, ByteBuf> fixture(ExchangeOptions options) {
        Correlator<ByteBuf> correlator = (response, keys) -> keys.isEmpty() ? Correlator.UNSOLICITED : 0;
        return new EngineFixture<>(correlator, options);
    }

    @Test
    @DisplayName("chunks of a cancelled exchange are released while it drains; the next exchange gets its own")
    void cancelDrainReleases() {
        var fx = fixture(EngineFixture.pipelined());
        fx.engine.exchange("RETR 1", TERMINATOR).take(1).map(ReferenceCountingUnitTests::text)
                .as(StepVerifier::create)
                .then(() -> fx.respond(buf("+OK 3 chunks"), buf("chunk one"), buf("chunk two")))
                .expectNext("+OK 3 chunks")
                .expectComplete()
                .verify(VERIFY);
        StepVerifier next = fx.engine.exchange("STAT", TERMINATOR).map(ReferenceCountingUnitTests::text)
                .as(StepVerifier::create).expectNext(".+OK 1 320").expectComplete().verifyLater();

        fx.respond(buf("chunk three"), buf("."), buf(".+OK 1 320"));
        next.verify(VERIFY);
    }

    @Test
    @DisplayName("chunks buffered for a subscriber without demand are released when it cancels")
    void bufferedChunksReleasedOnCancel() {
        var fx = fixture(ExchangeOptions.defaults());
        fx.engine.exchange("RETR 1", TERMINATOR).as(f -> StepVerifier.create(f, 0))
                .then(() -> fx.respond(buf("+OK"), buf("chunk")))
                .thenCancel()
                .verify(VERIFY);
        fx.respond(buf("."));
        assertThat(fx.channel.isOpen()).isTrue();
    }

    @Test
    @DisplayName("buffered chunks are released when the connection closes")
    void bufferedChunksReleasedOnClose() {
        var fx = fixture(ExchangeOptions.defaults());
        fx.engine.exchange("RETR 1", TERMINATOR).as(f -> StepVerifier.create(f, 0))
                .then(() -> fx.respond(buf("+OK"), buf("chunk")))
                .then(fx.channel::close)
                .expectError(ConnectionException.class)
                .verify(VERIFY);
    }

    @Test
    @DisplayName("a chunk beyond the buffer bound and those buffered are released on overflow")
    void overflowReleases() {
        var fx = fixture(ExchangeOptions.builder().maxBufferedResponses(2).build());
        fx.engine.exchange("RETR 1", TERMINATOR).as(f -> StepVerifier.create(f, 0))
                .then(() -> fx.respond(buf("+OK"), buf("one"), buf("two"), buf("three")))
                .expectError(ResponseQueueFullException.class)
                .verify(VERIFY);
    }

    @Test
    @DisplayName("unsolicited chunks without a subscriber or beyond a cancelled one are released")
    void unsolicitedChunksReleased() {
        var fx = fixture(ExchangeOptions.defaults());
        fx.respond(buf("* unsolicited, nobody listens"));
        fx.engine.unsolicited().as(f -> StepVerifier.create(f, 0))
                .then(() -> fx.respond(buf("* buffered, no demand")))
                .thenCancel()
                .verify(VERIFY);
        fx.respond(buf("* after the cancel"));
        assertThat(fx.channel.isOpen()).isTrue();
    }

    @Test
    @DisplayName("a chunk arriving after a failure, while the channel is still closing, is released")
    void chunkAfterFailureReleased() {
        var fx = fixture(ExchangeOptions.defaults());
        fx.channel.pipeline().addFirst("slow close", new ChannelOutboundHandlerAdapter() {
            @Override
            public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
                // the transport has not closed yet
            }
        });
        fx.channel.pipeline().fireExceptionCaught(new IllegalStateException("decoder broke"));
        fx.channel.pipeline().fireChannelRead(buf("late chunk"));
        fx.channel.pipeline().remove("slow close");
        fx.channel.close();
    }

    @Test
    @DisplayName("a single reference-counted command that is never written is released")
    void unsentCommandReleased() {
        EngineFixture<ByteBuf, ByteBuf> fx = new EngineFixture<>(FifoCorrelator.instance(), ExchangeOptions.defaults());
        StepVerifier first = fx.engine.exchange(buf("NOOP"), TERMINATOR).as(StepVerifier::create)
                .expectError(ConnectionException.class).verifyLater();
        Disposable cancelled = fx.engine.exchange(buf("never sent: cancelled"), TERMINATOR).subscribe();
        StepVerifier failed = fx.engine.exchange(buf("never sent: failed"), TERMINATOR)
                .as(StepVerifier::create).expectError(ConnectionException.class).verifyLater();

        cancelled.dispose();
        fx.channel.close();

        first.verify(VERIFY);
        failed.verify(VERIFY);
        assertThat(fx.written()).singleElement()
                .satisfies(o -> assertThat(text((ByteBuf) o)).isEqualTo("NOOP"));
    }

    @Test
    @DisplayName("commands a publisher discards when the engine cancels it are released through the discard hook")
    void discardedCommandsReleased() {
        EngineFixture<ByteBuf, ByteBuf> fx = new EngineFixture<>(FifoCorrelator.instance(), ExchangeOptions.defaults());
        fx.channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        fx.channel.write(buf("a pending write that fills the outbound buffer"));
        assertThat(fx.channel.isWritable()).isFalse();

        StepVerifier paused = fx.engine.exchange(Flux.fromIterable(List.of(buf("chunk 1"), buf("chunk 2"))),
                TERMINATOR).as(StepVerifier::create).expectError(ConnectionException.class).verifyLater();

        fx.channel.close();
        paused.verify(VERIFY);
    }
}
