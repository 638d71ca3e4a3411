package io.deepmail.pop3.response;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import java.util.Objects;

/**
 * A piece of a dot-terminated multi-line response (RFC 1939 §3): its {@link Start} line, the
 * {@link Chunk}s of its data, and its {@link End}.
 *
 * @since 0.1
 */
public sealed interface MultiLine extends Pop3Response permits MultiLine.Start, MultiLine.Chunk, MultiLine.End {

    /**
     * The {@code +OK} line that opens a multi-line response.
     *
     * @param status the status line
     * @since 0.1
     */
    record Start(Ok status) implements MultiLine {

        /**
         * Validates the status.
         *
         * @param status the status line
         */
        public Start {
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * Data of a multi-line response: dot-unstuffed bytes, CRLF line ends kept, without the
     * terminating {@code .CRLF}. A chunk may end inside a line. It is reference-counted: whoever
     * receives it must release it.
     *
     * @since 0.1
     */
    final class Chunk extends DefaultByteBufHolder implements MultiLine {

        /**
         * Wraps data; the chunk takes over the caller's reference.
         *
         * @param content the data
         */
        public Chunk(ByteBuf content) {
            super(content);
        }

        @Override
        public Chunk replace(ByteBuf content) {
            return new Chunk(content);
        }

        @Override
        public String toString() {
            return "Chunk[" + (refCnt() > 0 ? content().readableBytes() + " bytes" : "released") + "]";
        }
    }

    /**
     * The terminating {@code .CRLF} line.
     *
     * @since 0.1
     */
    record End() implements MultiLine {

        @Override
        public String toString() {
            return ".";
        }
    }
}
