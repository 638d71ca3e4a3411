package io.deepmail.benchmarks.driver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * B6: runs the JMH benchmarks of this module in one forked JMH invocation with the GC profiler
 * (for bytes allocated per operation) and reads its JSON result.
 */
final class JmhRunner {

    /**
     * One benchmark's result.
     *
     * @param benchmark the benchmark method, without the package
     * @param params its parameters, {@code name=value} joined
     * @param unit the score unit
     * @param score median, min and max over the measurement iterations
     * @param allocBytesPerOp bytes allocated per operation ({@code gc.alloc.rate.norm})
     */
    record Result(String benchmark, String params, String unit, Stats score, double allocBytesPerOp) {
    }

    private JmhRunner() {
    }

    static List<Result> run(Mode mode, Path logs) throws IOException, InterruptedException {
        boolean smoke = "smoke".equals(mode.name());
        Path json = logs.resolve("jmh.json");
        List<String> args = List.of("io.deepmail.benchmarks.jmh.", "-f", "1",
                "-wi", smoke ? "1" : "5", "-w", smoke ? "1s" : "3s",
                "-i", Integer.toString(Math.max(mode.reps(), smoke ? 1 : 3)), "-r", smoke ? "1s" : "5s",
                "-prof", "gc", "-rf", "json", "-rff", json.toString());
        Process p = new ProcessBuilder(Jvm.command(List.of("-Xmx512m"), "org.openjdk.jmh.Main", args))
                .redirectErrorStream(true).redirectOutput(logs.resolve("jmh.log").toFile()).start();
        if (!p.waitFor(smoke ? 5 : 30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("JMH did not finish; see jmh.log");
        }
        if (p.exitValue() != 0 || !Files.exists(json)) {
            throw new IOException("JMH failed (exit " + p.exitValue() + "); see jmh.log");
        }
        if (Files.readString(logs.resolve("jmh.log"), StandardCharsets.UTF_8).contains("<failure>")) {
            throw new IOException("a JMH benchmark failed; see jmh.log");
        }
        JsonArray all = new JsonArray(Files.readString(json, StandardCharsets.UTF_8));
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            JsonObject b = all.getJsonObject(i);
            String name = b.getString("benchmark");
            name = name.substring("io.deepmail.benchmarks.jmh.".length());
            JsonObject params = b.getJsonObject("params", new JsonObject());
            StringBuilder ps = new StringBuilder();
            params.forEach(e -> ps.append(ps.length() == 0 ? "" : ",").append(e.getKey()).append('=').append(e.getValue()));
            JsonObject primary = b.getJsonObject("primaryMetric");
            List<Double> raw = new ArrayList<>();
            JsonArray forks = primary.getJsonArray("rawData");
            for (int f = 0; f < forks.size(); f++) {
                JsonArray its = forks.getJsonArray(f);
                for (int k = 0; k < its.size(); k++) {
                    raw.add(its.getDouble(k));
                }
            }
            JsonObject norm = b.getJsonObject("secondaryMetrics", new JsonObject()).getJsonObject("gc.alloc.rate.norm");
            double alloc = norm == null ? Double.NaN : norm.getDouble("score");
            results.add(new Result(name, ps.toString(), primary.getString("scoreUnit"), Stats.of(raw), alloc));
        }
        return results;
    }
}
