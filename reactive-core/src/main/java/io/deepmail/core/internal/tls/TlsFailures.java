package io.deepmail.core.internal.tls;

import io.deepmail.core.MailClientException;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.StartTlsInjectionException;
import io.deepmail.core.TlsNegotiationException;
import io.deepmail.core.TransportMode;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Turns whatever a failed TLS handshake threw into one typed {@link MailClientException} that says
 * what to check. A verification failure raised by deepmail itself is returned as it was raised.
 */
public final class TlsFailures {

    private TlsFailures() {
    }

    /**
     * Maps a handshake failure.
     *
     * @param cause what the handshake failed with
     * @param verification the connection's verification state
     * @param mode how TLS was started
     * @param host the host, for the message
     * @param handshakeTimeout the configured handshake timeout
     * @return the typed failure
     */
    public static MailClientException map(Throwable cause, @Nullable PeerVerification verification,
            TransportMode mode, String host, Duration handshakeTimeout) {
        if (verification != null && verification.failure() != null) {
            return verification.failure();
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof MailClientException typed) {
                return typed;
            }
            if (t instanceof SslHandshakeTimeoutException) {
                return new MailTimeoutException("TLS handshake with " + host, handshakeTimeout);
            }
            if (t instanceof NotSslRecordException) {
                return mode == TransportMode.STARTTLS
                        ? new StartTlsInjectionException("the server sent plaintext after its STARTTLS go-ahead, before "
                                + "the TLS handshake; the bytes were discarded and the connection closed (TLS-11)", cause)
                        : new TlsNegotiationException(host + " does not speak TLS on this port; is it a STARTTLS or "
                                + "cleartext port?", cause);
            }
        }
        if (cause instanceof ClosedChannelException || String.valueOf(cause.getMessage()).contains("terminated")) {
            return new TlsNegotiationException(host + " closed the connection during the TLS handshake; it may not "
                    + "support TLS 1.2 or 1.3 with an RFC 9325 cipher suite", cause);
        }
        return new TlsNegotiationException("TLS handshake with " + host + " failed: " + describe(cause)
                + "; deepmail accepts only TLS 1.2 and 1.3 with RFC 9325 cipher suites", cause);
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return root.getClass().getSimpleName() + (msg == null ? "" : " (" + msg + ")");
    }
}
