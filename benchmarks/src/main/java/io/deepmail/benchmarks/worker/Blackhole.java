package io.deepmail.benchmarks.worker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A blackholed endpoint on loopback: a listener with backlog 1 that never accepts, its accept queue
 * filled by parked connections. Linux then drops further SYNs (the client retransmits them), so a
 * connect neither completes nor fails: what a filtered port looks like. The constructor checks that:
 * it parks connections until one cannot complete within {@link #PROBE_MILLIS}.
 */
final class Blackhole implements AutoCloseable {

    /** A connect still pending after this long is taken as unanswered. */
    static final int PROBE_MILLIS = 500;
    private static final int MAX_PARKED = 16;

    private final ServerSocket listener;
    private final List<Socket> parked = new ArrayList<>();

    Blackhole() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        while (true) {
            Socket s = new Socket();
            try {
                s.connect(address, PROBE_MILLIS);
                parked.add(s);
            } catch (SocketTimeoutException e) {
                s.close();
                return;
            }
            if (parked.size() >= MAX_PARKED) {
                close();
                throw new IOException("loopback completed " + MAX_PARKED + " handshakes on a full accept queue; no blackhole");
            }
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /**
     * The connections parked in the accept queue before a connect went unanswered.
     *
     * @return the count
     */
    int parked() {
        return parked.size();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : parked) {
            s.close();
        }
        listener.close();
    }
}
