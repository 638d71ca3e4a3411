package io.deepmail.benchmarks.worker;

import io.deepmail.benchmarks.common.Options;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.connect.Targets;
import io.deepmail.imap.ImapClient;
import io.deepmail.imap.ImapSession;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * B5 for ours: {@code --sessions} established IMAP sessions (authenticated, INBOX selected), then
 * {@code --storm} new TLS sessions ({@code establish}: TCP, TLS, greeting, capabilities) all
 * subscribed at once. Meanwhile {@code --probes} of the established sessions each send a NOOP every
 * 50 ms; their latency is recorded before the storm (baseline) and while it runs. The library
 * bounds the TLS handshakes in flight ({@code MailResources#maxHandshakesInFlight}):
 * {@code --handshake-limit default} keeps its default, {@code 0} removes the bound, {@code N} sets
 * it. With {@code --storm-inflight N} the caller also keeps at most N storm sessions in flight.
 */
final class ReconnectStorm {

    private static final int SETUP_CONCURRENCY = 64;
    private static final Duration NOOP_EVERY = Duration.ofMillis(50);

    private ReconnectStorm() {
    }

    static JsonObject run(WorkerConfig config, Options o) throws InterruptedException {
        int sessions = o.getInt("sessions", 5000);
        int storm = o.getInt("storm", 2000);
        int probes = Math.min(sessions, o.getInt("probes", 200));
        // 0: every storm session subscribed at once; N: at most N in flight (an application-side bound)
        int stormInflight = o.getInt("storm-inflight", 0);
        Duration baseline = Duration.ofMillis((long) (Double.parseDouble(o.get("baseline", "2")) * 1000));
        LoopResources loops = Ours.loops();
        MailResources resources = MailResources.of(loops);
        String limit = o.get("handshake-limit", "default");
        if (!"default".equals(limit)) {
            resources = resources.maxHandshakesInFlight(Integer.parseInt(limit));
        }
        ImapClient client = ImapClient.create(Ours.transport(resources, config)).resolver(Ours.resolver());
        Targets targets = Ours.targets(MailProtocol.IMAP, config.port());
        try {
            long s0 = System.nanoTime();
            List<ImapSession> open = Flux.range(0, sessions)
                    .flatMap(i -> client.connect(Ours.ACCOUNT, targets).flatMap(s -> s.select("INBOX").thenReturn(s)),
                            SETUP_CONCURRENCY)
                    .collectList().block(Duration.ofMinutes(10));
            double setupSeconds = (System.nanoTime() - s0) / 1e9;
            Histogram before = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
            Histogram during = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
            AtomicReference<Histogram> phase = new AtomicReference<>(before);
            AtomicInteger noopErrors = new AtomicInteger();
            List<Disposable> probing = new ArrayList<>();
            for (int i = 0; i < probes; i++) {
                ImapSession s = open.get(i * open.size() / probes);
                probing.add(Flux.interval(NOOP_EVERY).onBackpressureDrop()
                        .concatMap(t -> timed(s, phase), 1)
                        .subscribe(v -> { }, e -> noopErrors.incrementAndGet()));
            }
            Thread.sleep(baseline.toMillis());
            phase.set(during);
            AtomicInteger timeouts = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            AtomicReference<String> firstError = new AtomicReference<>();
            long t0 = System.nanoTime();
            List<ImapSession> stormed = Flux.range(0, storm)
                    .flatMap(i -> client.establish(Ours.ACCOUNT, targets).onErrorResume(e -> {
                        (isTimeout(e) ? timeouts : errors).incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                        return Mono.empty();
                    }), stormInflight > 0 ? stormInflight : storm)
                    .collectList().block(Duration.ofMinutes(5));
            double stormSeconds = (System.nanoTime() - t0) / 1e9;
            phase.set(new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3));
            probing.forEach(Disposable::dispose);
            JsonObject j = new JsonObject().put("handshakeLimit", resources.maxHandshakesInFlight())
                    .put("sessions", open.size()).put("setupSeconds", setupSeconds)
                    .put("storm", storm).put("stormCompleted", stormed == null ? 0 : stormed.size())
                    .put("handshakeTimeouts", timeouts.get()).put("errors", errors.get() + noopErrors.get())
                    .put("stormSeconds", stormSeconds).put("probes", probes)
                    .put("noopBeforeP50Ms", before.getValueAtPercentile(50) / 1000.0)
                    .put("noopBeforeP99Ms", before.getValueAtPercentile(99) / 1000.0)
                    .put("noopDuringP50Ms", during.getValueAtPercentile(50) / 1000.0)
                    .put("noopDuringP99Ms", during.getValueAtPercentile(99) / 1000.0)
                    .put("noopDuringMaxMs", during.getMaxValue() / 1000.0)
                    .put("noopDuringCount", during.getTotalCount());
            if (firstError.get() != null) {
                j.put("firstError", firstError.get());
            }
            return j;
        } finally {
            loops.dispose();
        }
    }

    private static Mono<Void> timed(ImapSession s, AtomicReference<Histogram> phase) {
        return Mono.defer(() -> {
            long t0 = System.nanoTime();
            return s.noop().doOnSuccess(v -> phase.get().recordValue((System.nanoTime() - t0) / 1000));
        });
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (t.getClass().getSimpleName().contains("Timeout") || m.contains("timed out") || m.contains("timeout")) {
                return true;
            }
        }
        return false;
    }
}
