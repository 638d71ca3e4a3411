package io.deepmail.imap.internal.codec;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Objects;
import org.reactivestreams.Publisher;

/**
 * One argument of a command, as the session hands it to {@link CommandSegmenter}, which chooses
 * its wire form.
 */
public sealed interface Arg {

    /**
     * Protocol syntax written as is: verbs, sequence sets, item lists, flags. Checked for CR, LF and NUL.
     *
     * @param text the text, ASCII
     */
    record Raw(String text) implements Arg {
        /**
         * Validates the text.
         *
         * @param text the text
         */
        public Raw {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A user-supplied string (astring): an atom when it is one, else quoted, else a literal.
     *
     * @param value the value
     */
    record Str(String value) implements Arg {
        /**
         * Validates the value.
         *
         * @param value the value
         */
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A user-supplied {@code string} where the grammar allows no atom (ID fields): quoted, else a
     * literal.
     *
     * @param value the value
     */
    record Quoted(String value) implements Arg {
        /**
         * Validates the value.
         *
         * @param value the value
         */
        public Quoted {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Always a literal, for message content (APPEND).
     *
     * @param bytes the content; not copied
     */
    record Literal(byte[] bytes) implements Arg {
        /**
         * Validates the content.
         *
         * @param bytes the content
         */
        public Literal {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * A literal streamed from a publisher (APPEND): {@link CommandSegmenter} writes its announcement
     * and keeps this record as a piece; the session turns it into {@link LiteralChunk}s.
     *
     * @param size the announced size
     * @param content the content
     * @param binary whether to announce a {@code literal8} ({@code ~{n}}, RFC 3516)
     */
    record Streamed(long size, Publisher<ByteBuf> content, boolean binary) implements Arg {
        /**
         * Validates the literal.
         *
         * @param size the size
         * @param content the content
         * @param binary whether it is a literal8
         */
        public Streamed {
            Objects.requireNonNull(content, "content");
            if (size < 0) {
                throw new IllegalArgumentException("negative literal size");
            }
        }

        @Override
        public String toString() {
            return "Streamed[" + size + (binary ? " binary" : "") + "]";
        }
    }

    /**
     * A parenthesised list of arguments.
     *
     * @param items the items
     */
    record Parens(List<Arg> items) implements Arg {
        /**
         * Copies the items.
         *
         * @param items the items
         */
        public Parens {
            items = List.copyOf(items);
        }
    }
}
