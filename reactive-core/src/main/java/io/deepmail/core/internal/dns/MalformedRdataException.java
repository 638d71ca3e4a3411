package io.deepmail.core.internal.dns;

import io.deepmail.core.ProtocolViolationException;

/**
 * A DNS record's rdata does not have the layout its type requires: too short, too long, a bad
 * name inside it. The only exception the rdata parsers throw.
 */
public final class MalformedRdataException extends ProtocolViolationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message what was malformed, without echoing the data
     */
    public MalformedRdataException(String message) {
        super(message);
    }
}
