package io.deepmail.benchmarks.driver;

import io.deepmail.core.tls.TlsOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Writes one run as JSON (everything), CSV (one row per metric) and Markdown (ratio tables). */
final class Report {

    private final String timestamp;
    private final Mode mode;
    private final JsonObject machineStart;
    private final String loadEnd;
    private final String keyType;
    private final List<PeerResult> results;
    private final List<JmhRunner.Result> jmh;
    private final List<String> missing;

    Report(String timestamp, Mode mode, JsonObject machineStart, String loadEnd, String keyType,
            List<PeerResult> results, List<JmhRunner.Result> jmh, List<String> missing) {
        this.timestamp = timestamp;
        this.mode = mode;
        this.machineStart = machineStart;
        this.loadEnd = loadEnd;
        this.keyType = keyType;
        this.results = List.copyOf(results);
        this.jmh = List.copyOf(jmh);
        this.missing = List.copyOf(missing);
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(timestamp + ".json"), json().encodePrettily(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(timestamp + ".csv"), csv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(timestamp + ".md"), markdown(), StandardCharsets.UTF_8);
    }

    private String modeText() {
        return String.format(Locale.ROOT, "%s: warm-up %.0f s (BoringSSL) / %.0f s (JDK provider), %d repetition(s) of"
                + " %.0f s, median (min-max) over the repetitions; a fresh JVM per peer and scenario (in B1 and B3"
                + " the cases of a peer with the same JVM flags share one: the full warm-up before the first case,"
                + " %.0f s before each further one)", mode.name(), mode.warmupBoringSsl(), mode.warmupJdk(),
                mode.reps(), mode.measureSeconds(), mode.caseWarmup());
    }

    private String tlsText() {
        return "TLS 1.3 (1.2 allowed), server certificate " + keyType
                + ", one test CA trusted by every peer, host name verification on everywhere;"
                + " no TLS session tickets (every handshake is a full one); key-exchange groups offered by the client:"
                + " X25519 only, or the default: on BoringSSL deepmail's list, " + String.join(", ",
                        TlsOptions.DEFAULT_NAMED_GROUPS) + " (the floor offers the same, the"
                + " responder accepts the hybrid first), and on the JDK provider Java 17's own list (no hybrid group)";
    }

    JsonObject json() {
        JsonObject o = new JsonObject().put("timestamp", timestamp).put("mode", modeText())
                .put("machine", machineStart.copy().put("loadAvgEnd", loadEnd)).put("tls", tlsText());
        JsonArray rs = new JsonArray();
        for (PeerResult r : results) {
            JsonObject m = new JsonObject();
            r.metrics().forEach((k, s) -> m.put(k, new JsonObject().put("median", s.median()).put("min", s.min())
                    .put("max", s.max()).put("n", s.n())));
            JsonObject row = new JsonObject().put("scenario", r.aCase().scenario()).put("case", r.aCase().label())
                    .put("peer", r.peer()).put("tlsProvider", r.tlsProvider()).put("metrics", m)
                    .put("errors", r.errors()).put("threads", r.threads())
                    .put("loadAvgBefore", r.load().get(0)).put("loadAvgAfter", r.load().get(1));
            if (r.failure() != null) {
                row.put("failure", r.failure());
            }
            rs.add(row);
        }
        o.put("results", rs);
        JsonArray js = new JsonArray();
        for (JmhRunner.Result j : jmh) {
            js.add(new JsonObject().put("benchmark", j.benchmark()).put("params", j.params()).put("unit", j.unit())
                    .put("median", j.score().median()).put("min", j.score().min()).put("max", j.score().max())
                    .put("allocBytesPerOp", j.allocBytesPerOp()));
        }
        o.put("jmh", js).put("missing", new JsonArray(new ArrayList<>(missing)));
        return o;
    }

    String csv() {
        StringBuilder b = new StringBuilder(
                "scenario,case,peer,tls_provider,metric,median,min,max,n,errors,load_before,load_after,failure\n");
        for (PeerResult r : results) {
            if (r.metrics().isEmpty()) {
                b.append(csvRow(r, "-", null));
            }
            r.metrics().forEach((k, s) -> b.append(csvRow(r, k, s)));
        }
        for (JmhRunner.Result j : jmh) {
            b.append(String.format(Locale.ROOT, "B6,%s %s,jmh,-,%s,%.6g,%.6g,%.6g,%d,0,,,%n", j.benchmark(),
                    j.params().replace(',', ';'), j.unit().replace(',', ';'), j.score().median(), j.score().min(),
                    j.score().max(), j.score().n()));
        }
        return b.toString();
    }

    private static String csvRow(PeerResult r, String metric, Stats s) {
        return String.format(Locale.ROOT, "%s,\"%s\",%s,%s,%s,%s,%s,%s,%d,%d,%s,%s,\"%s\"%n", r.aCase().scenario(),
                r.aCase().label(), r.peer(), r.tlsProvider(), metric, s == null ? "" : num(s.median()),
                s == null ? "" : num(s.min()), s == null ? "" : num(s.max()), s == null ? 0 : s.n(), r.errors(),
                r.load().get(0), r.load().get(1), r.failure() == null ? "" : r.failure().replace('"', '\''));
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.6g", d);
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# deepmail benchmarks, ").append(timestamp).append("\n\n");
        b.append("- Mode: ").append(modeText()).append(".\n");
        b.append("- Machine: ").append(machineStart.getInteger("nproc")).append(" processors (")
                .append(machineStart.getString("cpu")).append("), ").append(machineStart.getString("memTotal"))
                .append(", load average (1/5/15 min) ").append(machineStart.getString("loadAvg")).append(" at start, ")
                .append(loadEnd).append(" at end; ").append(machineStart.getString("os")).append(".\n");
        b.append("- JDK ").append(machineStart.getString("jdk")).append("; Netty ").append(machineStart.getString("netty"))
                .append("; ").append(machineStart.getString("boringssl")).append(".\n");
        b.append("- ").append(tlsText()).append(".\n");
        b.append("- Ratios are ours / peer on the medians: above 1 is better for ours in the rate column, below 1 is "
                + "better for ours in the CPU, allocation and latency columns. `ours+micrometer` is ours recording into a "
                + "Micrometer registry (Micrometer on vs off).\n\n");
        Map<String, List<PeerResult>> byScenario = new LinkedHashMap<>();
        results.forEach(r -> byScenario.computeIfAbsent(r.aCase().scenario(), k -> new ArrayList<>()).add(r));
        byScenario.forEach((scenario, rs) -> {
            if ("B2".equals(scenario)) {
                idleTable(b, rs);
            } else if ("B4".equals(scenario)) {
                firstSessionTable(b, rs);
            } else if ("B5".equals(scenario)) {
                stormTable(b, rs);
            } else {
                scenarioTable(b, scenario, rs);
            }
        });
        if (!jmh.isEmpty()) {
            jmhTable(b);
        }
        if (!missing.isEmpty()) {
            b.append("## Not measured in this run\n\n");
            missing.forEach(m -> b.append("- ").append(m).append('\n'));
            b.append('\n');
        }
        return b.toString();
    }

    private static String title(String scenario) {
        return switch (scenario) {
            case "B1" -> "B1 secure connection setup (IMAP, Implicit TLS, greeting and capabilities, close; closed loop)";
            case "B3" -> "B3 submission throughput (Implicit TLS, AUTH PLAIN done once per pooled connection)";
            case "B2" -> "B2 idle IMAP sessions";
            case "B3-5MB" -> "B3 5 MB message, longest event-loop stall (probe task every 1 ms)";
            default -> scenario;
        };
    }

    private void scenarioTable(StringBuilder b, String scenario, List<PeerResult> rs) {
        boolean stall = "B3-5MB".equals(scenario);
        String unit = "B1".equals(scenario) ? "conn" : "msg";
        b.append("## ").append(title(scenario)).append("\n\n");
        b.append("| case | peer | TLS | ").append(unit).append("/s (min-max) | ours/peer | CPU µs/").append(unit)
                .append(" | ours/peer | alloc KB/").append(unit).append(" | ours/peer | p50 ms | p99 ms | ours/peer p99 |")
                .append(stall ? " max stall ms |" : "").append(" errors | load before/after |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|").append(stall ? "---|" : "").append("---|---|\n");
        for (PeerResult r : rs) {
            Optional<PeerResult> ours = rs.stream().filter(x -> x.aCase().equals(r.aCase()) && Matrix.OURS.equals(x.peer()))
                    .findFirst();
            b.append("| ").append(r.aCase().label()).append(" | ").append(r.peer()).append(" | ").append(r.tlsProvider())
                    .append(" | ");
            if (!r.ok()) {
                b.append("failed: ").append(r.failure().replace('|', '/')).append(" | | | | | | | | |")
                        .append(stall ? " |" : "").append(" | |\n");
                continue;
            }
            b.append(withRange(r.metrics().get("opsPerSec"), 1, "%.0f")).append(" | ")
                    .append(ratio(ours, r, "opsPerSec")).append(" | ")
                    .append(fmt(r.median("cpuUsPerOp"), "%.0f")).append(" | ").append(ratio(ours, r, "cpuUsPerOp"))
                    .append(" | ").append(fmt(r.median("allocBytesPerOp") / 1024, "%.1f")).append(" | ")
                    .append(ratio(ours, r, "allocBytesPerOp")).append(" | ")
                    .append(fmt(r.median("p50Us") / 1000, "%.2f")).append(" | ")
                    .append(fmt(r.median("p99Us") / 1000, "%.2f")).append(" | ").append(ratio(ours, r, "p99Us"))
                    .append(" | ");
            if (stall) {
                b.append(fmt(r.median("maxEventLoopStallMs"), "%.1f")).append(" | ");
            }
            b.append(r.errors()).append(" | ").append(r.load().get(0).split(" ")[0]).append(" / ")
                    .append(r.load().get(1).split(" ")[0]).append(" |\n");
        }
        b.append('\n');
    }

    private static void idleTable(StringBuilder b, List<PeerResult> rs) {
        b.append("## B2 idle IMAP sessions (authenticate, SELECT, IDLE; slopes per session between steps, heap after GC)\n\n");
        b.append("| peer | TLS | sessions | setup/s | heap MB | RSS MB | threads | heap KB/session | RSS KB/session |"
                + " threads/session | idle CPU % | errors |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (PeerResult r : rs) {
            if (!r.ok()) {
                b.append("| ").append(r.peer()).append(" | | failed: ").append(r.failure().replace('|', '/'))
                        .append(" | | | | | | | | | |\n");
                continue;
            }
            JsonArray steps = r.detail().getJsonArray("steps", new JsonArray());
            for (int i = 0; i < steps.size(); i++) {
                JsonObject s = steps.getJsonObject(i);
                JsonObject prev = i == 0 ? null : steps.getJsonObject(i - 1);
                double n = s.getDouble("sessions");
                double dn = prev == null ? Double.NaN : n - prev.getDouble("sessions");
                b.append("| ").append(r.peer()).append(" | ").append(r.tlsProvider()).append(" | ")
                        .append(fmt(n, "%.0f")).append(" | ").append(fmt(s.getDouble("setupPerSec"), "%.0f")).append(" | ")
                        .append(fmt(s.getDouble("heapBytes") / 1048576, "%.1f")).append(" | ")
                        .append(fmt(s.getDouble("rssBytes") / 1048576, "%.1f")).append(" | ")
                        .append(fmt(s.getDouble("threadCount"), "%.0f")).append(" | ")
                        .append(slope(s, prev, "heapBytes", dn, 1024)).append(" | ")
                        .append(slope(s, prev, "rssBytes", dn, 1024)).append(" | ")
                        .append(slope(s, prev, "threadCount", dn, 1)).append(" | ")
                        .append(i == steps.size() - 1 ? fmt(r.detail().getDouble("idleCpuPercent"), "%.1f") : "")
                        .append(" | ").append(s.getLong("idleFailures", 0L)).append(" |\n");
            }
        }
        b.append('\n');
    }

    private static void firstSessionTable(StringBuilder b, List<PeerResult> rs) {
        b.append("## B4 time to first secure session, preferred Implicit TLS endpoint blackholed (full accept queue);"
                + " ours discovers SRV+TLSA+A and races STARTTLS, angus connects to the configured blackholed port with"
                + " its default (no) connect timeout, capped; netty is the floor, straight to the healthy endpoint, no DNS\n\n");
        b.append("| case | peer | TLS | runs | p50 ms | p99 ms | max ms | ours/peer p50 | over cap |"
                + " runs with a 2nd attempt | errors |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (PeerResult r : rs) {
            b.append("| ").append(r.aCase().label()).append(" | ").append(r.peer()).append(" | ")
                    .append(r.tlsProvider()).append(" | ");
            if (!r.ok()) {
                b.append("failed: ").append(r.failure().replace('|', '/')).append(" | | | | | | | |\n");
                continue;
            }
            JsonObject d = r.detail();
            Optional<PeerResult> ours = rs.stream().filter(x -> x.aCase().equals(r.aCase())
                    && Matrix.OURS.equals(x.peer()) && x.ok()).findFirst();
            double p50 = d.getDouble("p50Ms", Double.NaN);
            double o50 = ours.map(x -> x.detail().getDouble("p50Ms", Double.NaN)).orElse(Double.NaN);
            long cap = d.getLong("capMs", 0L);
            b.append(d.getInteger("runs") + d.getInteger("overCap", 0)).append(" | ").append(fmt(p50, "%.1f"))
                    .append(" | ").append(fmt(d.getDouble("p99Ms", Double.NaN), "%.1f")).append(" | ")
                    .append(fmt(d.getDouble("maxMs", Double.NaN), "%.1f")).append(" | ")
                    .append(Double.isNaN(p50) || Double.isNaN(o50) || p50 == 0 ? "-"
                            : String.format(Locale.ROOT, "%.2f", o50 / p50))
                    .append(" | ").append(cap == 0 ? "-" : d.getInteger("overCap") + " (> " + cap + " ms)")
                    .append(" | ").append(Matrix.OURS.equals(r.peer()) ? d.getInteger("secondAttempts") + " (max "
                            + d.getInteger("maxAttempts") + " attempts)" : "-")
                    .append(" | ").append(r.errors()).append(" |\n");
        }
        b.append('\n');
    }

    private static void stormTable(StringBuilder b, List<PeerResult> rs) {
        b.append("## B5 reconnect storm (new sessions: TCP, TLS, greeting, capabilities; all subscribed at once, with"
                + " the library's bound on handshakes in flight at its default or removed; NOOP every 50 ms on probe"
                + " sessions among the established ones)\n\n");
        b.append("| case | peer | TLS | established | setup s | storm completed | handshake timeouts | other errors |"
                + " storm s | NOOP p50/p99 ms before | NOOP p50/p99/max ms during | NOOPs during |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (PeerResult r : rs) {
            b.append("| ").append(r.aCase().label()).append(" | ").append(r.peer()).append(" | ")
                    .append(r.tlsProvider()).append(" | ");
            if (!r.ok()) {
                b.append("failed: ").append(r.failure().replace('|', '/')).append(" | | | | | | | | |\n");
                continue;
            }
            JsonObject d = r.detail();
            b.append(d.getInteger("sessions")).append(" | ").append(fmt(d.getDouble("setupSeconds"), "%.1f"))
                    .append(" | ").append(d.getInteger("stormCompleted")).append(" / ").append(d.getInteger("storm"))
                    .append(" | ").append(d.getInteger("handshakeTimeouts")).append(" | ").append(d.getInteger("errors"))
                    .append(" | ").append(fmt(d.getDouble("stormSeconds"), "%.2f")).append(" | ")
                    .append(fmt(d.getDouble("noopBeforeP50Ms"), "%.1f")).append(" / ")
                    .append(fmt(d.getDouble("noopBeforeP99Ms"), "%.1f")).append(" | ")
                    .append(fmt(d.getDouble("noopDuringP50Ms"), "%.1f")).append(" / ")
                    .append(fmt(d.getDouble("noopDuringP99Ms"), "%.1f")).append(" / ")
                    .append(fmt(d.getDouble("noopDuringMaxMs"), "%.1f")).append(" | ")
                    .append(d.getLong("noopDuringCount")).append(" |\n");
        }
        b.append('\n');
    }

    private static String slope(JsonObject s, JsonObject prev, String key, double dn, double scale) {
        if (prev == null) {
            return "";
        }
        return fmt((s.getDouble(key) - prev.getDouble(key)) / dn / scale, "%.2f");
    }

    private static String ratio(Optional<PeerResult> ours, PeerResult peer, String metric) {
        if (ours.isEmpty() || !ours.get().ok()) {
            return "-";
        }
        double o = ours.get().median(metric);
        double p = peer.median(metric);
        return Double.isNaN(o) || Double.isNaN(p) || p == 0 ? "-" : String.format(Locale.ROOT, "%.2f", o / p);
    }

    private static String withRange(Stats s, double scale, String f) {
        if (s == null) {
            return "-";
        }
        String m = fmt(s.median() / scale, f);
        return s.n() > 1 ? m + " (" + fmt(s.min() / scale, f) + "-" + fmt(s.max() / scale, f) + ")" : m;
    }

    private static String fmt(double v, String f) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, f, v);
    }

    private void jmhTable(StringBuilder b) {
        b.append("## B6 micro benchmarks (JMH, GC profiler)\n\n");
        b.append("| benchmark | params | score (min-max) | unit | alloc B/op | ours/Angus |\n");
        b.append("|---|---|---|---|---|---|\n");
        double oursFetch = score("FetchParseBenchmark.ours");
        double angusFetch = score("FetchParseBenchmark.angus");
        for (JmhRunner.Result j : jmh) {
            String ratio = j.benchmark().startsWith("FetchParseBenchmark.") && !Double.isNaN(oursFetch)
                    && !Double.isNaN(angusFetch) && j.benchmark().endsWith("ours")
                    ? String.format(Locale.ROOT, "%.2f", oursFetch / angusFetch) : "";
            b.append("| ").append(j.benchmark()).append(" | ").append(j.params()).append(" | ")
                    .append(withRange(j.score(), 1, "%.0f")).append(" | ").append(j.unit()).append(" | ")
                    .append(fmt(j.allocBytesPerOp(), "%.0f")).append(" | ").append(ratio).append(" |\n");
        }
        b.append('\n');
    }

    private double score(String benchmark) {
        return jmh.stream().filter(j -> j.benchmark().equals(benchmark)).mapToDouble(j -> j.score().median())
                .findFirst().orElse(Double.NaN);
    }
}
