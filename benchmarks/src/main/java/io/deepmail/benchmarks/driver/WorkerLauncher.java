package io.deepmail.benchmarks.driver;

import io.deepmail.benchmarks.common.BenchPki;
import io.deepmail.benchmarks.worker.Worker;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs one peer of one case in a fresh JVM and reads its result. Peers whose effective options are
 * the same (Angus ignores the provider choice: it always handshakes with the JDK) run once and the
 * result is reused.
 */
final class WorkerLauncher {

    private final Path pki;
    private final Path logs;
    private final Mode mode;
    private final ServerProcess server;
    private final Map<List<String>, PeerResult> done = new HashMap<>();

    WorkerLauncher(Path pki, Path logs, Mode mode, ServerProcess server) {
        this.pki = pki;
        this.logs = logs;
        this.mode = mode;
        this.server = server;
    }

    /** One peer of one case as the worker sees it: JVM flags, per-case options and the cache key. */
    private record Invocation(Case aCase, String peer, String provider, List<String> flags, Map<String, String> options,
            List<String> key) {

        /** Cases whose invocations share this key can share a JVM. */
        List<String> jvmKey() {
            List<String> k = new ArrayList<>(flags);
            k.add(aCase.scenario());
            k.add(peer);
            k.add(provider);
            return k;
        }
    }

    private Invocation invocation(Case c, String peer) {
        Map<String, String> args = new LinkedHashMap<>(c.args());
        boolean micrometer = Matrix.OURS_MICROMETER.equals(peer);
        if (Matrix.ANGUS.equals(peer)) {
            args.put("provider", "jdk");
        }
        String provider = args.getOrDefault("provider", "boringssl");
        List<String> flags = new ArrayList<>(Jvm.WORKER_FLAGS);
        flags.add("-Djdk.net.hosts.file=" + pki.resolve(BenchPki.HOSTS));
        if ("x25519".equals(args.get("group"))) {
            flags.add("-Djdk.tls.namedGroups=x25519");
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("port", Integer.toString(server.port(c.protocol(), c.delayMillis())));
        options.putAll(args);
        if (micrometer) {
            options.put("micrometer", "true");
        }
        if ("B4".equals(c.scenario())) {
            options.put("starttls-port", Integer.toString(server.port("imap-starttls", c.delayMillis())));
        }
        List<String> key = new ArrayList<>(flags);
        key.add(c.scenario());
        key.add(micrometer ? Matrix.OURS : peer);
        options.forEach((k, v) -> key.add(k + "=" + v));
        return new Invocation(c, peer, provider, flags, options, key);
    }

    private List<String> commonArgs(Invocation inv) {
        return new ArrayList<>(List.of("--scenario", inv.aCase().scenario(), "--peer",
                Matrix.OURS_MICROMETER.equals(inv.peer()) ? Matrix.OURS : inv.peer(), "--pki", pki.toString(),
                "--warmup", Double.toString(mode.warmup(inv.provider())),
                "--measure", Double.toString(mode.measureSeconds()), "--reps", Integer.toString(mode.reps())));
    }

    /**
     * Runs one peer of one case in its own JVM.
     *
     * @param c the case
     * @param peer the peer
     * @return its result
     */
    PeerResult run(Case c, String peer) throws IOException, InterruptedException {
        Invocation inv = invocation(c, peer);
        PeerResult cached = cached(inv);
        if (cached != null) {
            return cached;
        }
        List<String> wargs = commonArgs(inv);
        inv.options().forEach((k, v) -> {
            wargs.add("--" + k);
            wargs.add(v);
        });
        String name = fileName(c.scenario() + "-" + c.label() + "-" + peer);
        long bound = "B2".equals(c.scenario()) || "B4".equals(c.scenario()) || "B5".equals(c.scenario()) ? 1200
                : (long) (mode.warmup(inv.provider()) + (mode.measureSeconds() + 60) * mode.reps() + 120);
        Launch launch = launch(inv.flags(), wargs, name, bound);
        PeerResult result = launch.failure() != null ? failed(c, peer, launch.failure(), launch.loadBefore())
                : parse(c, peer, launch.result(), launch.loadBefore());
        done.put(inv.key(), result);
        return result;
    }

    /**
     * Runs one peer over several closed-loop cases (B1, B3), sharing a JVM between the cases whose
     * JVM flags and TLS provider are the same: one full warm-up per JVM, then
     * {@link #CASE_WARMUP_SECONDS} before each further case.
     *
     * @param cases the cases, in order
     * @param peer the peer
     * @return one result per case, in the same order
     */
    List<PeerResult> runAll(List<Case> cases, String peer) throws IOException, InterruptedException {
        Map<List<String>, List<Invocation>> jvms = new LinkedHashMap<>();
        Map<List<String>, List<Invocation>> sameKey = new LinkedHashMap<>();
        for (Case c : cases) {
            Invocation inv = invocation(c, peer);
            // Angus ignores the provider choice, so two cases may be one measurement: measure it once.
            if (cached(inv) == null && !sameKey.containsKey(inv.key())) {
                jvms.computeIfAbsent(inv.jvmKey(), k -> new ArrayList<>()).add(inv);
            }
            sameKey.computeIfAbsent(inv.key(), k -> new ArrayList<>()).add(inv);
        }
        for (List<Invocation> group : jvms.values()) {
            Invocation first = group.get(0);
            Path casesFile = logs.resolve(fileName(first.aCase().scenario() + "-" + peer + "-" + first.provider() + "-"
                    + (first.flags().size() > Jvm.WORKER_FLAGS.size() + 1 ? "x25519" : "default-groups")
                    + "-cases") + ".json");
            JsonArray json = new JsonArray();
            group.forEach(inv -> json.add(new JsonObject(new LinkedHashMap<>(inv.options()))));
            Files.writeString(casesFile, json.encodePrettily(), StandardCharsets.UTF_8);
            List<String> wargs = commonArgs(first);
            wargs.addAll(List.of("--case-warmup", Double.toString(mode.caseWarmup()), "--cases", casesFile.toString()));
            long bound = (long) (mode.warmup(first.provider())
                    + group.size() * (mode.caseWarmup() + (mode.measureSeconds() + 60) * mode.reps()) + 120);
            Launch launch = launch(first.flags(), wargs, casesFile.getFileName().toString().replace("-cases.json", ""),
                    bound);
            for (int i = 0; i < group.size(); i++) {
                Invocation inv = group.get(i);
                PeerResult r;
                if (launch.failure() != null) {
                    r = failed(inv.aCase(), peer, launch.failure(), launch.loadBefore());
                } else {
                    JsonArray each = launch.result().getJsonArray("cases");
                    r = i < each.size() ? parse(inv.aCase(), peer, each.getJsonObject(i), launch.loadBefore())
                            : failed(inv.aCase(), peer, "no result for this case", launch.loadBefore());
                }
                done.put(inv.key(), r);
            }
        }
        List<PeerResult> ordered = new ArrayList<>();
        for (Case c : cases) {
            ordered.add(Objects.requireNonNull(cached(invocation(c, peer))));
        }
        return ordered;
    }

    private @Nullable PeerResult cached(Invocation inv) {
        PeerResult cached = done.get(inv.key());
        return cached == null ? null : new PeerResult(inv.aCase(), inv.peer(), cached.tlsProvider(), cached.metrics(),
                cached.errors(), cached.failure(), cached.load(), cached.threads(), cached.detail());
    }

    /** A worker JVM's outcome: its JSON result, or why there is none. */
    private record Launch(@Nullable JsonObject result, @Nullable String failure, String loadBefore) {
    }

    private Launch launch(List<String> flags, List<String> wargs, String name, long boundSeconds)
            throws IOException, InterruptedException {
        Path out = logs.resolve(name + ".json");
        Path log = logs.resolve(name + ".log");
        List<String> args = new ArrayList<>(wargs);
        args.add("--out");
        args.add(out.toString());
        String loadBefore = MachineInfo.loadAverage();
        Process p = new ProcessBuilder(Jvm.command(flags, Worker.class.getName(), args))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(boundSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Launch(null, "timed out after " + boundSeconds + " s; see " + log.getFileName(), loadBefore);
        }
        if (p.exitValue() != 0 || !Files.exists(out)) {
            return new Launch(null, "exit " + p.exitValue() + ": " + lastLine(log), loadBefore);
        }
        return new Launch(new JsonObject(Files.readString(out, StandardCharsets.UTF_8)), null, loadBefore);
    }

    private static String fileName(String s) {
        return s.replaceAll("[^A-Za-z0-9.+-]+", "_");
    }

    private static PeerResult failed(Case c, String peer, String why, String loadBefore) {
        return new PeerResult(c, peer, "-", Map.of(), 0, why, List.of(loadBefore, MachineInfo.loadAverage()), 0,
                new JsonObject());
    }

    private static PeerResult parse(Case c, String peer, JsonObject o, String loadBefore) {
        if (o.containsKey("b2")) {
            JsonObject b2 = o.getJsonObject("b2");
            long failures = b2.getLong("idleFailures", 0L);
            return new PeerResult(c, peer, o.getString("tlsProvider"), Map.of(), failures, null,
                    List.of(loadBefore, MachineInfo.loadAverage()), 0, b2);
        }
        if (o.containsKey("detail")) {
            JsonObject d = o.getJsonObject("detail");
            long errors = d.getLong("errors", 0L) + d.getLong("handshakeTimeouts", 0L);
            String failure = d.getInteger("runs", 1) == 0 && d.getInteger("overCap", 0) == 0
                    ? "every run failed: " + d.getString("firstError") : null;
            return new PeerResult(c, peer, o.getString("tlsProvider"), Map.of(), errors, failure,
                    List.of(loadBefore, MachineInfo.loadAverage()), o.getInteger("threads", 0), d);
        }
        JsonArray runs = o.getJsonArray("runs");
        Map<String, Stats> metrics = new LinkedHashMap<>();
        long errors = 0;
        for (String m : PeerResult.METRICS) {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                Double v = runs.getJsonObject(i).getDouble(m);
                if (v != null) {
                    values.add(v);
                }
            }
            if (!values.isEmpty()) {
                metrics.put(m, Stats.of(values));
            }
        }
        String firstError = null;
        for (int i = 0; i < runs.size(); i++) {
            errors += runs.getJsonObject(i).getLong("errors");
            if (firstError == null) {
                firstError = runs.getJsonObject(i).getString("firstError");
            }
        }
        String failure = errors > 0 && runs.getJsonObject(0).getLong("ops") == 0 ? "every operation failed: " + firstError
                : null;
        return new PeerResult(c, peer, o.getString("tlsProvider"), metrics, errors, failure,
                List.of(loadBefore, MachineInfo.loadAverage()), o.getInteger("threads", 0), new JsonObject());
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String l = lines.get(i).trim();
                if (l.startsWith("Caused by") || l.startsWith("Exception")) {
                    return l;
                }
            }
            return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "no log";
        }
    }
}
