package io.deepmail.core.transport;

import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * Base class of every deepmail protocol decoder. It lets the STARTTLS primitive see whether any
 * byte is still buffered after the server's go-ahead reply: such bytes are injected plaintext and
 * abort the connection (TLS-11), instead of being silently decoded. Subclasses must decode one
 * frame per {@code decode} call at most, so that buffered bytes stay visible.
 *
 * @since 0.1
 */
public abstract class MailDecoder extends ByteToMessageDecoder {

    /** Creates the decoder. */
    protected MailDecoder() {
    }

    /**
     * Bytes received but not yet decoded into a frame. Must be called on the channel's event loop.
     *
     * @return the number of buffered bytes
     */
    public final int bufferedBytes() {
        return actualReadableBytes();
    }

    /**
     * Forgets every state learned before TLS, so that nothing decoded in cleartext leaks into the
     * protected session (TLS-12). Called on the event loop once the STARTTLS handshake is done.
     */
    public void resetAfterTls() {
    }
}
