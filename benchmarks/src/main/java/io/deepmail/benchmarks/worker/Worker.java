package io.deepmail.benchmarks.worker;

import io.deepmail.benchmarks.common.Options;
import io.deepmail.benchmarks.common.ProcessMeter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measuring JVM the driver starts once per scenario and peer: builds the peer, runs the
 * warm-up, then the repetitions, and writes one JSON object to {@code --out}. With
 * {@code --cases FILE} (a JSON array of option objects, for B1 and B3) it measures each case in turn
 * in this JVM, after the full warm-up for the first and {@code --case-warmup SECONDS} for the others,
 * and writes their results as {@code cases}.
 *
 * <p>Options: {@code --scenario B1|B2|B3|B3-5MB|B4|B5}, {@code --peer ours|netty|angus|vertx},
 * {@code --warmup SECONDS}, {@code --measure SECONDS}, {@code --reps N}, {@code --out FILE} and the
 * {@link WorkerConfig} options.
 */
public final class Worker {

    private Worker() {
    }

    /**
     * Runs one measurement.
     *
     * @param args see the class comment
     * @throws Exception on any failure; the driver reports the peer as failed
     */
    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        String scenario = o.get("scenario");
        String peerName = o.get("peer");
        WorkerConfig config = WorkerConfig.from(o);
        Duration warmup = Duration.ofMillis((long) (Double.parseDouble(o.get("warmup", "1")) * 1000));
        Duration measure = Duration.ofMillis((long) (Double.parseDouble(o.get("measure", "1")) * 1000));
        int reps = o.getInt("reps", 1);
        JsonObject result = new JsonObject().put("scenario", scenario).put("peer", peerName)
                .put("loadAvgStart", ProcessMeter.loadAverage());
        if ("B2".equals(scenario)) {
            List<Integer> steps = new ArrayList<>();
            for (String s : o.get("steps", "2000,5000,10000").split(",")) {
                steps.add(Integer.parseInt(s.trim()));
            }
            try (IdleSessions.Holder holder = "angus".equals(peerName) ? new AngusIdle(config) : new OursIdle(config)) {
                result.put("tlsProvider", "angus".equals(peerName) || !config.boringSsl() ? "JDK" : "BoringSSL")
                        .put("b2", IdleSessions.run(holder, steps, Duration.ofSeconds(o.getInt("idle", 10))));
            }
            result.put("loadAvgEnd", ProcessMeter.loadAverage());
            Files.writeString(Path.of(o.get("out")), result.encodePrettily(), StandardCharsets.UTF_8);
            System.exit(0);
        }
        if ("B4".equals(scenario) || "B5".equals(scenario)) {
            result.put("tlsProvider", "angus".equals(peerName) || !config.boringSsl() ? "JDK" : "BoringSSL")
                    .put("detail", "B4".equals(scenario) ? FirstSecureSession.run(peerName, config, o)
                            : ReconnectStorm.run(config, o));
            result.put("loadAvgEnd", ProcessMeter.loadAverage()).put("threads", ProcessMeter.threads());
            Files.writeString(Path.of(o.get("out")), result.encodePrettily(), StandardCharsets.UTF_8);
            System.exit(0);
        }
        if (!o.values().containsKey("cases")) {
            result.mergeIn(closedLoop(scenario, peerName, o, warmup, measure, reps));
            result.put("loadAvgEnd", ProcessMeter.loadAverage());
            Files.writeString(Path.of(o.get("out")), result.encodePrettily(), StandardCharsets.UTF_8);
            System.exit(0);
        }
        // Several cases in this JVM: the full warm-up before the first, a short one before each other
        // (the JIT is already warm; pools and caches are not).
        Duration caseWarmup = Duration.ofMillis((long) (Double.parseDouble(o.get("case-warmup", "3")) * 1000));
        JsonArray cases = new JsonArray(Files.readString(Path.of(o.get("cases")), StandardCharsets.UTF_8));
        JsonArray results = new JsonArray();
        for (int i = 0; i < cases.size(); i++) {
            Map<String, String> merged = new LinkedHashMap<>(o.values());
            cases.getJsonObject(i).forEach(e -> merged.put(e.getKey(), String.valueOf(e.getValue())));
            JsonObject one = new JsonObject().put("scenario", scenario).put("peer", peerName)
                    .put("loadAvgStart", ProcessMeter.loadAverage());
            one.mergeIn(closedLoop(scenario, peerName, new Options(merged), i == 0 ? warmup : caseWarmup, measure,
                    reps));
            results.add(one.put("loadAvgEnd", ProcessMeter.loadAverage()));
        }
        result.put("cases", results).put("loadAvgEnd", ProcessMeter.loadAverage());
        Files.writeString(Path.of(o.get("out")), result.encodePrettily(), StandardCharsets.UTF_8);
        System.exit(0);
    }

    /** One closed-loop case (B1, B3): the peer, a warm-up, then the repetitions. */
    private static JsonObject closedLoop(String scenario, String peerName, Options o, Duration warmup,
            Duration measure, int reps) throws Exception {
        WorkerConfig config = WorkerConfig.from(o);
        JsonObject result = new JsonObject();
        try (Peer peer = peer(scenario, peerName, config); StallProbe probe = StallProbe.forPeer(peer, o.flag("probe"))) {
            result.put("tlsProvider", peer.tlsProvider());
            int inflight = config.inflight();
            ClosedLoop.run(peer::operation, inflight, warmup);
            JsonArray runs = new JsonArray();
            for (int i = 0; i < reps; i++) {
                probe.reset();
                JsonObject run = ClosedLoop.run(peer::operation, inflight, measure).toJson();
                if (probe.active()) {
                    run.put("maxEventLoopStallMs", probe.maxStallMillis());
                }
                runs.add(run);
            }
            result.put("runs", runs).put("threads", ProcessMeter.threads());
        }
        return result;
    }

    private static Peer peer(String scenario, String peer, WorkerConfig config) throws Exception {
        return switch (scenario + "/" + peer) {
            case "B1/ours" -> new OursImapConnect(config);
            case "B1/netty" -> new NettyImapConnect(config);
            case "B1/angus" -> new AngusImapConnect(config);
            case "B3/ours", "B3-5MB/ours" -> new OursSubmit(config);
            case "B3/netty", "B3-5MB/netty" -> new NettySubmit(config);
            case "B3/angus" -> new AngusSubmit(config);
            case "B3/vertx" -> new VertxSubmit(config);
            default -> throw new IllegalArgumentException("no peer " + peer + " for " + scenario);
        };
    }
}
