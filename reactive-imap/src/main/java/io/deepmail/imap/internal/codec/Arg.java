package io.deepmail.imap.internal.codec;

import java.util.List;
import java.util.Objects;

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
