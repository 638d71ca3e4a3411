package io.deepmail.benchmarks.worker;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLException;
import reactor.netty.resources.LoopResources;

/** B1 floor: connect, TLS with a host name check, greeting, {@code a CAPABILITY}, close. */
final class NettyImapConnect implements Peer {

    private static final ByteBuf CAPABILITY =
            Unpooled.unreleasableBuffer(Unpooled.copiedBuffer("a CAPABILITY\r\n", StandardCharsets.US_ASCII));

    private final LoopResources loops;
    private final LineClient client;
    private final String provider;

    NettyImapConnect(WorkerConfig config) throws SSLException {
        this.loops = Ours.loops();
        this.client = new LineClient(loops, NettyTls.client(config), config.port(), Lines::any);
        this.provider = config.boringSsl() ? "BoringSSL" : "JDK";
    }

    @Override
    public CompletionStage<?> operation() {
        return client.connect().thenCompose(conn -> conn.exchange(CAPABILITY.duplicate(), 1, Lines::taggedA)
                .thenCompose(last -> conn.close()));
    }

    @Override
    public String tlsProvider() {
        return provider;
    }

    @Override
    public void close() {
        loops.dispose();
    }
}
