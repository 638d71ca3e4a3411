package io.deepmail.imap.internal.codec;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A syntactic value of a response: atom, string (quoted or literal), NIL, parenthesised list, or streamed literal. */
sealed interface Token {

    /** An atom, including bracketed section specifiers such as {@code BODY[HEADER]<0>}. */
    record Atom(String text) implements Token {
    }

    /** A quoted string or buffered literal. */
    record Str(byte[] bytes) implements Token {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** NIL. */
    record Nil() implements Token {
    }

    /** A parenthesised list. */
    record ListTok(List<Token> items) implements Token {
    }

    /** A literal already delivered as chunks. */
    record Streamed(long size) implements Token {
    }
}
