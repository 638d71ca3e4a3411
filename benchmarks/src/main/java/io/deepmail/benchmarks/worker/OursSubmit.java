package io.deepmail.benchmarks.worker;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.connect.Targets;
import io.deepmail.submission.Envelope;
import io.deepmail.submission.PoolOptions;
import io.deepmail.submission.SubmissionClient;
import io.deepmail.submission.SubmissionPool;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.CompletionStage;
import reactor.core.publisher.Flux;
import reactor.netty.resources.LoopResources;

/** B3 for ours: a {@link SubmissionPool} of {@code inflight} connections; content in 64 KB chunks. */
final class OursSubmit implements Peer, StallProbe.Loops {

    static final int CHUNK = 64 * 1024;

    private final LoopResources loops;
    private final SubmissionPool pool;
    private final Targets targets;
    private final Envelope envelope;
    private final byte[] message;
    private final String provider;

    OursSubmit(WorkerConfig config) {
        this.loops = Ours.loops();
        this.pool = SubmissionClient.create(Ours.transport(loops, config)).resolver(Ours.resolver())
                .pool(PoolOptions.defaults().withMaxConnections(config.inflight()));
        this.targets = Ours.targets(MailProtocol.SUBMISSION, config.port());
        this.message = Messages.message(config.messageBytes());
        Envelope.Builder b = Envelope.builder(Messages.FROM).size(message.length);
        Messages.recipients(config.recipients()).forEach(b::to);
        this.envelope = b.build();
        this.provider = config.boringSsl() ? "BoringSSL" : "JDK";
    }

    @Override
    public CompletionStage<?> operation() {
        int chunks = (message.length + CHUNK - 1) / CHUNK;
        Flux<ByteBuf> content = Flux.range(0, chunks).map(i -> {
            int from = i * CHUNK;
            return Unpooled.wrappedBuffer(message, from, Math.min(CHUNK, message.length - from));
        });
        return pool.send(Ours.ACCOUNT, targets, envelope, content).toFuture();
    }

    @Override
    public EventLoopGroup eventLoops() {
        return loops.onClient(true);
    }

    @Override
    public String tlsProvider() {
        return provider;
    }

    @Override
    public void close() {
        pool.dispose();
        loops.dispose();
    }
}
