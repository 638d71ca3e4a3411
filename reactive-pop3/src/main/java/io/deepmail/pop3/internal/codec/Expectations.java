package io.deepmail.pop3.internal.codec;

import java.util.ArrayDeque;

/**
 * The shapes of the responses still owed to the client, oldest first, shared by one connection's
 * {@link Pop3CommandEncoder} and {@link Pop3ResponseDecoder}. Both run on the channel's event loop,
 * so the queue needs no lock. It starts with the greeting, a single line.
 */
public final class Expectations {

    private final ArrayDeque<ResponseShape> pending = new ArrayDeque<>();

    /** A queue awaiting the greeting. */
    public Expectations() {
        pending.add(ResponseShape.SINGLE);
    }

    void expect(ResponseShape shape) {
        if (shape != ResponseShape.NONE) {
            pending.add(shape);
        }
    }

    /** The shape of the next response; a line nobody asked for is read as a single line. */
    ResponseShape next() {
        ResponseShape shape = pending.peek();
        return shape == null ? ResponseShape.SINGLE : shape;
    }

    void completed() {
        pending.poll();
    }

    /** Forgets every expectation, after TLS: the STLS reply was the last cleartext response. */
    void clear() {
        pending.clear();
    }

    /**
     * How many responses are still owed.
     *
     * @return the count
     */
    public int size() {
        return pending.size();
    }
}
