package io.deepmail.core.testkit;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * What one connection to a {@link ScriptedTlsServer} did: every byte received, split at the moment
 * TLS started, the negotiated parameters, and the outcome of the script. Thread-safe; the event loop
 * writes it, tests read it and wait on it.
 *
 * <p>Three byte records are kept: {@link #wireReceived()} (everything read from the socket, so
 * ciphertext once TLS is up), {@link #cleartextReceived()} (what was read from the socket before the
 * TLS handler was inserted) and {@link #tlsReceived()} (decrypted application data after it). The
 * {@code *Text()} forms decode one character per byte (ISO-8859-1).
 *
 * @since 0.1
 */
public final class ScriptedConnection {

    private final int index;
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final ByteArrayOutputStream cleartext = new ByteArrayOutputStream();
    private final ByteArrayOutputStream tls = new ByteArrayOutputStream();
    private final List<String> lines = new ArrayList<>();
    private final CountDownLatch scriptDone = new CountDownLatch(1);
    private final CountDownLatch handshakeDone = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    private volatile @Nullable InetSocketAddress remoteAddress;
    private volatile boolean tlsStarted;
    private volatile @Nullable String protocol;
    private volatile @Nullable String cipherSuite;
    private volatile @Nullable String sniHostName;
    private volatile boolean closeNotifyReceived;
    private volatile @Nullable AssertionError failure;

    ScriptedConnection(int index) {
        this.index = index;
    }

    /**
     * Position of this connection in accept order.
     *
     * @return 0 for the first connection
     */
    public int index() {
        return index;
    }

    /**
     * The client's address.
     *
     * @return the remote address, or {@code null} before the channel became active
     */
    public @Nullable InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /**
     * Every byte read from the socket, TLS records included.
     *
     * @return a copy
     */
    public byte[] wireReceived() {
        synchronized (wire) {
            return wire.toByteArray();
        }
    }

    /**
     * Bytes read from the socket before the TLS handler was inserted. Empty for Implicit TLS.
     *
     * @return a copy
     */
    public byte[] cleartextReceived() {
        synchronized (wire) {
            return cleartext.toByteArray();
        }
    }

    /**
     * {@link #cleartextReceived()} as text, one character per byte.
     *
     * @return the cleartext transcript
     */
    public String cleartextReceivedText() {
        return new String(cleartextReceived(), StandardCharsets.ISO_8859_1);
    }

    /**
     * Decrypted application data received after TLS started.
     *
     * @return a copy
     */
    public byte[] tlsReceived() {
        synchronized (wire) {
            return tls.toByteArray();
        }
    }

    /**
     * {@link #tlsReceived()} as text, one character per byte.
     *
     * @return the TLS transcript
     */
    public String tlsReceivedText() {
        return new String(tlsReceived(), StandardCharsets.ISO_8859_1);
    }

    /**
     * The lines that {@code expectLine} steps consumed, in order, matched or not.
     *
     * @return a copy
     */
    public List<String> linesRead() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * Whether the TLS handler was inserted (at accept for Implicit TLS).
     *
     * @return {@code true} once TLS started
     */
    public boolean tlsStarted() {
        return tlsStarted;
    }

    /**
     * Whether the server-side handshake completed successfully.
     *
     * @return {@code true} after a successful handshake
     */
    public boolean handshakeCompleted() {
        return handshakeDone.getCount() == 0;
    }

    /**
     * The negotiated protocol, as the server's {@code SSLSession} names it ({@code "TLSv1.3"}).
     *
     * @return the protocol, or {@code null} before a successful handshake
     */
    public @Nullable String protocol() {
        return protocol;
    }

    /**
     * The negotiated cipher suite, in its IANA/Java name.
     *
     * @return the suite, or {@code null} before a successful handshake
     */
    public @Nullable String cipherSuite() {
        return cipherSuite;
    }

    /**
     * The host name of the {@code server_name} extension of the client's ClientHello, as parsed by
     * Netty's {@code SniHandler} (which lower-cases it). Recorded as soon as the ClientHello is read,
     * so also when the handshake later fails.
     *
     * @return the SNI host name, or {@code null} when the client sent none or sent no ClientHello
     */
    public @Nullable String sniHostName() {
        return sniHostName;
    }

    /**
     * Whether the client sent a TLS close_notify alert before the connection closed. Only
     * meaningful when the client closes first (see {@link Script.Builder#awaitClose()}): when the
     * script closes, the server does not wait for the client's answering close_notify.
     *
     * @return {@code true} once a close_notify arrived
     */
    public boolean closeNotifyReceived() {
        return closeNotifyReceived;
    }

    /**
     * Whether the connection is closed.
     *
     * @return {@code true} once the channel went inactive
     */
    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    /**
     * Whether the script ended, successfully or not.
     *
     * @return {@code true} once it ended
     */
    public boolean isScriptDone() {
        return scriptDone.getCount() == 0;
    }

    /**
     * Why the script failed.
     *
     * @return the failure, or {@code null} while running or after success
     */
    public @Nullable AssertionError failure() {
        return failure;
    }

    /**
     * Waits for the script to end and requires it to have succeeded.
     *
     * @param timeout how long to wait
     * @throws AssertionError with the reason when the script failed, or on timeout
     */
    public void awaitScriptDone(Duration timeout) {
        await(scriptDone, timeout, "the script to end");
        AssertionError failed = failure;
        if (failed != null) {
            throw new AssertionError("script failed: " + failed.getMessage(), failed);
        }
    }

    /**
     * Waits for the script to end and requires it to have failed; for hostile tests where the
     * client is expected to abort.
     *
     * @param timeout how long to wait
     * @return the failure
     * @throws AssertionError when the script succeeded, or on timeout
     */
    public AssertionError awaitScriptFailure(Duration timeout) {
        await(scriptDone, timeout, "the script to end");
        AssertionError failed = failure;
        if (failed == null) {
            throw new AssertionError("connection #" + index + ": the script succeeded, a failure was expected");
        }
        return failed;
    }

    /**
     * Waits for a successful server-side TLS handshake.
     *
     * @param timeout how long to wait
     * @throws AssertionError on timeout
     */
    public void awaitHandshake(Duration timeout) {
        await(handshakeDone, timeout, "the TLS handshake");
    }

    /**
     * Waits until the connection is closed, by either side.
     *
     * @param timeout how long to wait
     * @throws AssertionError on timeout
     */
    public void awaitClosed(Duration timeout) {
        await(closed, timeout, "the connection to close");
    }

    @Override
    public String toString() {
        return "ScriptedConnection[#" + index + ", remote=" + remoteAddress + ", tls=" + protocol + "/"
                + cipherSuite + ", sni=" + sniHostName + ", closed=" + isClosed() + ", failure="
                + (failure == null ? null : failure.getMessage()) + "]";
    }

    private void await(CountDownLatch latch, Duration timeout, String what) {
        try {
            if (!latch.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AssertionError("connection #" + index + ": timed out after " + timeout
                        + " waiting for " + what + "; " + this);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }

    // Written on the event loop only.

    void active(@Nullable InetSocketAddress remote) {
        remoteAddress = remote;
    }

    void recordWire(byte[] bytes) {
        synchronized (wire) {
            wire.writeBytes(bytes);
            if (!tlsStarted) {
                cleartext.writeBytes(bytes);
            }
        }
    }

    void recordApplicationData(byte[] bytes) {
        synchronized (wire) {
            tls.writeBytes(bytes);
        }
    }

    void recordLine(String line) {
        synchronized (lines) {
            lines.add(line);
        }
    }

    void markTlsStarted() {
        synchronized (wire) {
            tlsStarted = true;
        }
    }

    void recordSni(@Nullable String hostName) {
        sniHostName = hostName;
    }

    void recordHandshake(String negotiatedProtocol, String negotiatedSuite) {
        protocol = negotiatedProtocol;
        cipherSuite = negotiatedSuite;
        handshakeDone.countDown();
    }

    void recordCloseNotify() {
        closeNotifyReceived = true;
    }

    void markClosed() {
        closed.countDown();
    }

    void finish(@Nullable AssertionError reason) {
        if (scriptDone.getCount() == 0) {
            return;
        }
        failure = reason;
        scriptDone.countDown();
    }
}
