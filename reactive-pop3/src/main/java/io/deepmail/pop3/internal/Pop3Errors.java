package io.deepmail.pop3.internal;

import io.deepmail.pop3.Pop3ErrException;
import io.deepmail.pop3.internal.codec.Pop3Command;
import io.deepmail.pop3.response.Err;

/** The module's one exception factory: a {@code -ERR} answer to a command becomes {@link Pop3ErrException}. */
final class Pop3Errors {

    private Pop3Errors() {
    }

    static Pop3ErrException refused(Pop3Command command, Err err) {
        return new Pop3ErrException(command.verb().isEmpty() ? "AUTH" : command.verb(), err);
    }

    static Pop3ErrException greeting(Err err) {
        return new Pop3ErrException("greeting", err);
    }
}
