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
import java.util.concurrent.TimeUnit;

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

    PeerResult run(Case c, String peer) throws IOException, InterruptedException {
        Map<String, String> args = new LinkedHashMap<>(c.args());
        boolean micrometer = Matrix.OURS_MICROMETER.equals(peer);
        String workerPeer = micrometer ? Matrix.OURS : peer;
        if (Matrix.ANGUS.equals(peer)) {
            args.put("provider", "jdk");
        }
        String provider = args.getOrDefault("provider", "boringssl");
        List<String> flags = new ArrayList<>(Jvm.WORKER_FLAGS);
        flags.add("-Djdk.net.hosts.file=" + pki.resolve(BenchPki.HOSTS));
        if ("x25519".equals(args.get("group"))) {
            flags.add("-Djdk.tls.namedGroups=x25519");
        }
        List<String> wargs = new ArrayList<>(List.of("--scenario", c.scenario(), "--peer", workerPeer,
                "--pki", pki.toString(), "--port", Integer.toString(server.port(c.protocol(), c.delayMillis())),
                "--warmup", Double.toString(mode.warmup(provider)), "--measure", Double.toString(mode.measureSeconds()),
                "--reps", Integer.toString(mode.reps())));
        args.forEach((k, v) -> {
            wargs.add("--" + k);
            wargs.add(v);
        });
        if (micrometer) {
            wargs.add("--micrometer");
        }
        if ("B4".equals(c.scenario())) {
            wargs.add("--starttls-port");
            wargs.add(Integer.toString(server.port("imap-starttls", c.delayMillis())));
        }
        List<String> key = new ArrayList<>(flags);
        key.addAll(wargs);
        key.add(Integer.toString(c.delayMillis()));
        key.add(c.protocol());
        PeerResult cached = done.get(key);
        if (cached != null) {
            return new PeerResult(c, peer, cached.tlsProvider(), cached.metrics(), cached.errors(), cached.failure(),
                    cached.load(), cached.threads(), cached.detail());
        }
        String name = (c.scenario() + "-" + c.label() + "-" + peer).replaceAll("[^A-Za-z0-9.+-]+", "_");
        Path out = logs.resolve(name + ".json");
        Path log = logs.resolve(name + ".log");
        wargs.add("--out");
        wargs.add(out.toString());
        String loadBefore = MachineInfo.loadAverage();
        ProcessBuilder pb = new ProcessBuilder(Jvm.command(flags, Worker.class.getName(), wargs))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        long bound = "B2".equals(c.scenario()) || "B4".equals(c.scenario()) || "B5".equals(c.scenario()) ? 1200
                : (long) (mode.warmup(provider) + (mode.measureSeconds() + 60) * mode.reps() + 120);
        PeerResult result;
        if (!p.waitFor(bound, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            result = failed(c, peer, "timed out after " + bound + " s; see " + log.getFileName(), loadBefore);
        } else if (p.exitValue() != 0 || !Files.exists(out)) {
            result = failed(c, peer, "exit " + p.exitValue() + ": " + lastLine(log), loadBefore);
        } else {
            result = parse(c, peer, new JsonObject(Files.readString(out, StandardCharsets.UTF_8)), loadBefore);
        }
        done.put(key, result);
        return result;
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
