package io.deepmail.core.internal.transport;

import io.deepmail.core.ConnectionException;
import io.deepmail.core.MailClientException;
import io.netty.handler.codec.CodecException;

/** Turns whatever ended a connection into the typed error every pending exchange fails with. */
final class Failures {

    private Failures() {
    }

    /**
     * The {@link MailClientException} at the root of a failure: the failure itself, or the one a
     * codec wrapped; otherwise a {@link ConnectionException} carrying the failure as its cause.
     */
    static MailClientException toMailException(Throwable failure) {
        if (failure instanceof MailClientException mail) {
            return mail;
        }
        if (failure instanceof CodecException && failure.getCause() instanceof MailClientException mail) {
            return mail;
        }
        return new ConnectionException("connection closed after a failure: " + failure, failure);
    }

    /** The failure for a connection that closed without an error of its own. */
    static ConnectionException closed() {
        return new ConnectionException("connection closed by the server or the network");
    }

    /** The failure for a connection this engine was asked to close. */
    static ConnectionException closedByClient() {
        return new ConnectionException("connection closed by the client");
    }
}
