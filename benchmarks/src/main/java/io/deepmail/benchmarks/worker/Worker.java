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
import java.util.List;

/**
 * The measuring JVM the driver starts once per scenario and peer: builds the peer, runs the
 * warm-up, then the repetitions, and writes one JSON object to {@code --out}.
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
        result.put("loadAvgEnd", ProcessMeter.loadAverage());
        Files.writeString(Path.of(o.get("out")), result.encodePrettily(), StandardCharsets.UTF_8);
        System.exit(0);
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
