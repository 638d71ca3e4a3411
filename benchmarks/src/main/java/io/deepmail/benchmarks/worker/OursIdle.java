package io.deepmail.benchmarks.worker;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.connect.Targets;
import io.deepmail.imap.ImapClient;
import io.deepmail.imap.ImapSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.netty.resources.LoopResources;

/** B2 for ours: {@code connect} (authenticate), {@code select("INBOX")}, then a subscribed {@code idle()}. */
final class OursIdle implements IdleSessions.Holder {

    /** Sessions being set up at once. */
    private static final int SETUP_CONCURRENCY = 64;

    private final LoopResources loops;
    private final ImapClient client;
    private final Targets targets;
    private final List<ImapSession> sessions = new ArrayList<>();
    private final List<Disposable> idles = new ArrayList<>();
    private final AtomicLong failures = new AtomicLong();

    OursIdle(WorkerConfig config) {
        this.loops = Ours.loops();
        this.client = ImapClient.create(Ours.transport(loops, config)).resolver(Ours.resolver());
        this.targets = Ours.targets(MailProtocol.IMAP, config.port());
    }

    @Override
    public void openUntil(int total) {
        List<ImapSession> opened = Flux.range(0, total - sessions.size())
                .flatMap(i -> client.connect(Ours.ACCOUNT, targets)
                        .flatMap(s -> s.select("INBOX").thenReturn(s)), SETUP_CONCURRENCY)
                .collectList().block(Duration.ofMinutes(10));
        for (ImapSession s : opened) {
            sessions.add(s);
            idles.add(s.idle().subscribe(u -> { }, e -> failures.incrementAndGet()));
        }
    }

    @Override
    public long failures() {
        return failures.get();
    }

    /** Ends the IDLEs; the sockets close when the worker JVM exits. */
    @Override
    public void close() {
        idles.forEach(Disposable::dispose);
        loops.dispose();
    }
}
