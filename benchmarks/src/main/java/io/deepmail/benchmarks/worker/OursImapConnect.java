package io.deepmail.benchmarks.worker;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.connect.Targets;
import io.deepmail.imap.ImapClient;
import java.util.concurrent.CompletionStage;
import reactor.netty.resources.LoopResources;

/** B1 for ours: {@code ImapClient.establish} (TCP, TLS, identity, greeting, capabilities), then close. */
final class OursImapConnect implements Peer {

    private final LoopResources loops;
    private final ImapClient client;
    private final Targets targets;

    OursImapConnect(WorkerConfig config) {
        this.loops = Ours.loops();
        this.client = ImapClient.create(Ours.transport(loops, config)).resolver(Ours.resolver());
        this.targets = Ours.targets(MailProtocol.IMAP, config.port());
        this.provider = config.boringSsl() ? "BoringSSL" : "JDK";
    }

    private final String provider;

    @Override
    public CompletionStage<?> operation() {
        return client.establish(Ours.ACCOUNT, targets).flatMap(s -> s.close()).toFuture();
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
