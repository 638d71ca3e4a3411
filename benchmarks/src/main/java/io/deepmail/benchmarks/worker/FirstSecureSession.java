package io.deepmail.benchmarks.worker;

import io.deepmail.benchmarks.common.BenchPki;
import io.deepmail.benchmarks.common.Options;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailResources;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnsOptions;
import io.deepmail.core.metrics.AttemptOutcome;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.testkit.TestDnsServer;
import io.deepmail.imap.ImapClient;
import io.deepmail.imap.ImapSession;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.util.MailLogger;
import org.jspecify.annotations.Nullable;
import reactor.netty.resources.LoopResources;

/**
 * B4: time to the first secure session when the preferred Implicit TLS endpoint is blackholed
 * ({@link Blackhole}) and a STARTTLS endpoint is healthy, discovered through SRV, TLSA and A on an
 * in-process DNS server with a resolver delay; or, with {@code --healthy}, how often ours makes a
 * second connect attempt when the preferred endpoint answers. Each peer does what it does by default:
 * <ul>
 *   <li>ours: {@code ImapClient.dns(...).connect(account)}: discovery, the connect race, TLS with DANE,
 *       LOGIN; attempts counted through {@link MailClientMetricsRecorder#recordConnectAttempt};</li>
 *   <li>angus: IMAPS to the (blackholed) configured port with its default connect timeout (none),
 *       capped at {@code --cap-ms}; it does no SRV discovery;</li>
 *   <li>netty: the floor, TLS straight to the healthy Implicit TLS endpoint, greeting and CAPABILITY, no DNS.</li>
 * </ul>
 */
final class FirstSecureSession {

    private FirstSecureSession() {
    }

    static JsonObject run(String peer, WorkerConfig config, Options o) throws Exception {
        boolean healthy = o.flag("healthy");
        Duration delay = Duration.ofMillis(o.getInt("dns-delay", 0));
        int runs = o.getInt("runs", 20);
        int warmups = o.getInt("warmup-runs", 3);
        int startTlsPort = o.getInt("starttls-port", 0);
        try (Blackhole hole = healthy ? null : new Blackhole();
                TestDnsServer dns = BenchZone.start(hole == null ? config.port() : hole.port(), startTlsPort,
                        BenchPki.leaf(config.pki()), delay)) {
            Sample sample = switch (peer) {
                case "ours" -> ours(config, dns, warmups, runs);
                case "netty" -> netty(config, warmups, runs);
                case "angus" -> angus(config, hole, o.getInt("angus-runs", 3), o.getInt("cap-ms", 3000));
                default -> throw new IllegalArgumentException("no B4 peer " + peer);
            };
            return sample.toJson().put("parkedConnections", hole == null ? 0 : hole.parked());
        }
    }

    /** Latencies of the runs, in microseconds, and what went wrong. */
    private static final class Sample {
        final List<Long> micros = new ArrayList<>();
        int overCap;
        long capMs;
        int secondAttempts;
        int maxAttempts;
        int errors;
        @Nullable String firstError;

        void error(Throwable e) {
            errors++;
            if (firstError == null) {
                firstError = e.toString();
            }
        }

        JsonObject toJson() {
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            JsonObject j = new JsonObject().put("runs", sorted.size()).put("errors", errors)
                    .put("overCap", overCap).put("capMs", capMs)
                    .put("secondAttempts", secondAttempts).put("maxAttempts", maxAttempts);
            if (!sorted.isEmpty()) {
                j.put("p50Ms", rank(sorted, 0.50) / 1000.0).put("p99Ms", rank(sorted, 0.99) / 1000.0)
                        .put("maxMs", sorted.get(sorted.size() - 1) / 1000.0);
            }
            if (firstError != null) {
                j.put("firstError", firstError);
            }
            return j;
        }

        private static long rank(List<Long> sorted, double q) {
            int i = (int) Math.ceil(q * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
        }
    }

    /** Counts the connect attempts of the current run. */
    private static final class Attempts implements MailClientMetricsRecorder {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void recordConnectAttempt(Endpoint endpoint, AttemptOutcome outcome, @Nullable Throwable failure) {
            count.incrementAndGet();
        }
    }

    private static Sample ours(WorkerConfig config, TestDnsServer dns, int warmups, int runs) {
        LoopResources loops = Ours.loops();
        Attempts attempts = new Attempts();
        // No cache: every run resolves SRV, TLSA and A again and pays the resolver delay.
        DnsLookup lookup = DnsLookup.create(MailResources.of(loops),
                DnsOptions.builder().resolvers(List.of(dns.address())).cache(false).build());
        ImapClient client = ImapClient.create(Ours.transport(loops, config).metrics(attempts)).dns(lookup);
        Sample sample = new Sample();
        try {
            for (int i = 0; i < warmups + runs; i++) {
                attempts.count.set(0);
                long t0 = System.nanoTime();
                ImapSession session;
                try {
                    session = client.connect(Ours.ACCOUNT).block(Duration.ofSeconds(30));
                } catch (RuntimeException e) {
                    sample.error(e);
                    continue;
                }
                long micros = (System.nanoTime() - t0) / 1000;
                if (session != null) {
                    session.close().block(Duration.ofSeconds(10));
                }
                if (i >= warmups) {
                    sample.micros.add(micros);
                    int n = attempts.count.get();
                    sample.maxAttempts = Math.max(sample.maxAttempts, n);
                    if (n > 1) {
                        sample.secondAttempts++;
                    }
                }
            }
        } finally {
            loops.dispose();
        }
        return sample;
    }

    private static Sample netty(WorkerConfig config, int warmups, int runs) throws Exception {
        Sample sample = new Sample();
        try (NettyImapConnect floor = new NettyImapConnect(config)) {
            for (int i = 0; i < warmups + runs; i++) {
                long t0 = System.nanoTime();
                try {
                    floor.operation().toCompletableFuture().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    sample.error(e);
                    continue;
                }
                if (i >= warmups) {
                    sample.micros.add((System.nanoTime() - t0) / 1000);
                }
            }
        }
        return sample;
    }

    private static Sample angus(WorkerConfig config, @Nullable Blackhole hole, int runs, int capMs) throws Exception {
        if (hole == null) {
            throw new IllegalArgumentException("the Angus B4 case needs the blackholed endpoint");
        }
        Properties props = new Properties();
        props.put("mail.imaps.ssl.socketFactory", BenchPki.jdkContext(config.pki()).getSocketFactory());
        props.put("mail.imaps.ssl.checkserveridentity", "true");
        MailLogger logger = new MailLogger(FirstSecureSession.class, "DEBUG IMAPS", false, System.out);
        Sample sample = new Sample();
        sample.capMs = capMs;
        // A connect that never returns holds its thread: daemon threads, left behind when the worker exits.
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "angus-b4");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Future<?> f = threads.submit(() -> {
                new IMAPProtocol("imaps", BenchPki.HOST, hole.port(), props, true, logger).disconnect();
                return null;
            });
            try {
                f.get(capMs, TimeUnit.MILLISECONDS);
                sample.micros.add((System.nanoTime() - t0) / 1000);
            } catch (TimeoutException e) {
                sample.overCap++;
            } catch (Exception e) {
                sample.error(e);
            }
        }
        threads.shutdown();
        return sample;
    }
}
