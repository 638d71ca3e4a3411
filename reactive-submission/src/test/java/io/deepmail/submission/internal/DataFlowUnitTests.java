package io.deepmail.submission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * Message content is cut into pieces of at most {@link DataFlow#PIECE} bytes before encoding, so
 * that one event-loop task never encodes a whole large buffer (benchmark B3, 5 MB message). The
 * leak detector runs at PARANOID.
 */
class DataFlowUnitTests {

    private static ByteBuf content(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return PooledByteBufAllocator.DEFAULT.directBuffer(size).writeBytes(bytes);
    }

    @Test
    @DisplayName("a buffer larger than a piece is cut into slices of at most a piece, in order, and released once they are")
    void largeBufferCut() {
        ByteBuf big = content(3 * DataFlow.PIECE + 100);
        byte[] expected = ByteBufUtil.getBytes(big);
        ByteBuf small = content(10);
        byte[] expectedSmall = ByteBufUtil.getBytes(small);

        List<ByteBuf> pieces = DataFlow.pieces(Flux.just(big, small)).collectList().block();

        assertThat(pieces).extracting(ByteBuf::readableBytes)
                .containsExactly(DataFlow.PIECE, DataFlow.PIECE, DataFlow.PIECE, 100, 10);
        byte[] joined = new byte[expected.length];
        int at = 0;
        for (ByteBuf p : pieces.subList(0, 4)) {
            int n = p.readableBytes();
            p.readBytes(joined, at, n);
            at += n;
        }
        assertThat(joined).isEqualTo(expected);
        assertThat(ByteBufUtil.getBytes(pieces.get(4))).isEqualTo(expectedSmall);
        assertThat(pieces.get(4)).isSameAs(small);
        pieces.forEach(ByteBuf::release);
        assertThat(big.refCnt()).isZero();
        assertThat(small.refCnt()).isZero();
    }

    @Test
    @DisplayName("pieces not taken after a cancel are released through the discard hook, and the next buffer is never requested")
    void cancelledPiecesReleased() {
        ByteBuf big = content(4 * DataFlow.PIECE);
        ByteBuf next = content(10);
        int[] requested = {0};

        List<ByteBuf> taken = DataFlow.pieces(Flux.just(big, next).doOnRequest(n -> requested[0] += (int) n).hide())
                .take(1, true)
                .contextWrite(c -> Operators.enableOnDiscard(c, ReferenceCountUtil::release))
                .collectList().block();

        assertThat(taken).singleElement().satisfies(p -> assertThat(p.readableBytes()).isEqualTo(DataFlow.PIECE));
        assertThat(requested[0]).as("buffers requested from the application").isOne();
        taken.forEach(ByteBuf::release);
        assertThat(big.refCnt()).isZero();
        next.release();
    }
}
