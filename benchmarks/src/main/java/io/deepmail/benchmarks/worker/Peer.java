package io.deepmail.benchmarks.worker;

import java.util.concurrent.CompletionStage;

/** One client library driving one scenario's unit of work. */
interface Peer extends AutoCloseable {

    /**
     * Starts one unit of work (a secure connection, a message).
     *
     * @return completes when it is done
     */
    CompletionStage<?> operation();

    /**
     * The TLS implementation that handshakes for this peer, as it will be reported.
     *
     * @return {@code BoringSSL} or {@code JDK}
     */
    String tlsProvider();

    @Override
    void close();
}
