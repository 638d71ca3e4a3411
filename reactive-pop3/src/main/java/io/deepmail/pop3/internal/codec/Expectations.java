package io.deepmail.pop3.internal.codec;

import io.deepmail.core.ProtocolViolationException;
import java.util.ArrayDeque;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The shapes of the responses still owed to the client, oldest first, shared by one connection's
 * {@link Pop3CommandEncoder} and {@link Pop3ResponseDecoder}. Both run on the channel's event loop,
 * so the queue needs no lock. It starts with the greeting, a single line.
 */
public final class Expectations {

    private final ArrayDeque<ResponseShape> pending = new ArrayDeque<>();
    private IntSupplier undecoded = () -> 0;

    /** A queue awaiting the greeting. */
    public Expectations() {
        pending.add(ResponseShape.SINGLE);
    }

    /** Lets the queue see bytes the decoder holds but has not decoded yet. */
    void attach(IntSupplier decoderBufferedBytes) {
        this.undecoded = decoderBufferedBytes;
    }

    /**
     * Records what a command about to be written expects. When nothing is owed yet the decoder
     * already holds bytes, the server sent them before this command: they answer no command, and
     * reading them as this command's reply would shift every later answer.
     */
    void expect(ResponseShape shape) {
        if (pending.isEmpty()) {
            int early = undecoded.getAsInt();
            if (early > 0) {
                throw new ProtocolViolationException("the server sent " + early + " byte(s) that answer no command");
            }
        }
        if (shape != ResponseShape.NONE) {
            pending.add(shape);
        }
    }

    /** The shape of the next response, or {@code null} when nothing is owed. */
    @Nullable ResponseShape next() {
        return pending.peek();
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
