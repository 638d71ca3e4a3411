package io.deepmail.benchmarks.driver;

import io.deepmail.benchmarks.common.BenchPki;
import io.deepmail.benchmarks.common.Options;
import io.deepmail.benchmarks.common.TempDirs;
import io.deepmail.core.testkit.KeyType;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every scenario for every peer in one invocation: a responder JVM, then a fresh worker JVM per
 * peer and case, then JMH; writes {@code <out>/<timestamp>.json}, {@code .csv} and {@code .md}.
 *
 * <p>Options:
 * <ul>
 *   <li>{@code --smoke}: seconds per scenario, one repetition, a reduced matrix (CI);</li>
 *   <li>{@code --scenarios B1,B2,B3,B3-5MB,B4,B5,B6} (default all);</li>
 *   <li>{@code --providers boringssl,jdk} for B1 (default both; the smoke runs BoringSSL only);</li>
 *   <li>{@code --peers netty,ours,...}: only these peers (a reduced run, for profiling one peer);</li>
 *   <li>{@code --warmup-boringssl S --warmup-jdk S --measure S --reps N}: a reduced full run, labelled
 *       {@code reduced} in the report;</li>
 *   <li>{@code --key-type EC|RSA} (default EC, P-256), {@code --out DIR} (default {@code benchmarks/results};
 *       for the smoke {@code benchmarks/target/smoke-results}).</li>
 * </ul>
 * Exits with 1 when any peer or JMH failed, so that CI notices.
 */
public final class Driver {

    /** Scenarios of the issue this driver does not measure yet; listed in every report. */
    static final List<String> NOT_IMPLEMENTED = List.of(
            "B4 for the Vert.x client and raw Netty with discovery (neither does SRV discovery; netty is measured"
                    + " straight to the healthy endpoint)",
            "B5 for Angus Mail (one thread per session: 5k blocking sessions not run) and for the other peers",
            "B1 with the hybrid post-quantum group (X25519MLKEM768) on the JDK provider: Java 17 has none (it is"
                    + " measured on BoringSSL, where it is deepmail's default)",
            "B1 and B3 for POP3; B1 for the Vert.x client (SMTP only; B1 is measured on IMAP)",
            "B3 on the JDK provider (B3 runs each peer on BoringSSL where it can use it; Angus always uses the JDK)");

    /** Closed-loop scenarios: a peer's cases with the same JVM flags share one warmed-up JVM. */
    private static final List<String> SHARED_JVM = List.of("B1", "B3", "B3-5MB");

    private Driver() {
    }

    private static List<String> scenariosOf(List<Case> cases) {
        return cases.stream().map(Case::scenario).distinct().toList();
    }

    /** One scenario's cases for every peer, in case-major order. */
    private static List<PeerResult> run(WorkerLauncher launcher, List<Case> cases)
            throws IOException, InterruptedException {
        List<PeerResult> out = new ArrayList<>();
        if (!SHARED_JVM.contains(cases.get(0).scenario())) {
            for (Case c : cases) {
                for (String peer : c.peers()) {
                    out.add(launcher.run(c, peer));
                }
            }
            return out;
        }
        Map<Case, Map<String, PeerResult>> byCase = new HashMap<>();
        for (String peer : cases.stream().flatMap(c -> c.peers().stream()).distinct().toList()) {
            List<Case> withPeer = cases.stream().filter(c -> c.peers().contains(peer)).toList();
            List<PeerResult> rs = launcher.runAll(withPeer, peer);
            for (int i = 0; i < withPeer.size(); i++) {
                byCase.computeIfAbsent(withPeer.get(i), k -> new HashMap<>()).put(peer, rs.get(i));
            }
        }
        for (Case c : cases) {
            c.peers().forEach(peer -> out.add(byCase.get(c).get(peer)));
        }
        return out;
    }

    private static void print(PrintStream console, PeerResult r) {
        console.printf("%-7s %-48s %-16s %s%n", r.aCase().scenario(), r.aCase().label(), r.peer(), !r.ok()
                ? "FAILED " + r.failure()
                : !r.detail().isEmpty() ? r.detail().encode()
                : String.format(Locale.ROOT, "%.0f/s cpu %.0f us/op p99 %.2f ms errors %d",
                        r.median("opsPerSec"), r.median("cpuUsPerOp"), r.median("p99Us") / 1000, r.errors()));
    }

    /**
     * Runs the benchmarks.
     *
     * @param args see the class comment
     * @throws Exception when the run cannot start
     */
    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        boolean smoke = o.flag("smoke");
        Mode mode = smoke ? Mode.SMOKE : Mode.FULL;
        boolean reduced = o.values().containsKey("measure") || o.values().containsKey("reps")
                || o.values().containsKey("peers");
        if (reduced) {
            mode = mode.reduced(Double.parseDouble(o.get("warmup-boringssl", "15")),
                    Double.parseDouble(o.get("warmup-jdk", "70")), Double.parseDouble(o.get("measure", "10")),
                    o.getInt("reps", 3));
        }
        List<String> scenarios = Arrays.asList(o.get("scenarios", "B1,B2,B3,B3-5MB,B4,B5,B6").split(","));
        List<String> providers = Arrays.asList(o.get("providers", smoke ? "boringssl" : "boringssl,jdk").split(","));
        KeyType keyType = KeyType.valueOf(o.get("key-type", "EC").toUpperCase(Locale.ROOT));
        // A smoke's report is a by-product of checking that the benchmarks run; it stays out of the sources.
        Path out = Path.of(o.get("out", smoke ? "benchmarks/target/smoke-results" : "benchmarks/results"));
        String timestamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        Path logs = out.resolve(timestamp + "-logs");
        Files.createDirectories(logs);
        Path pki = Files.createTempDirectory("deepmail-bench-pki");
        BenchPki.write(pki, keyType);
        PrintStream console = System.out;
        JsonObject machine = MachineInfo.describe();
        console.printf("deepmail benchmarks %s, mode %s, %d processors, load %s%n", timestamp, mode.name(),
                machine.getInteger("nproc"), machine.getString("loadAvg"));

        List<PeerResult> results = new ArrayList<>();
        List<String> missing = new ArrayList<>(NOT_IMPLEMENTED);
        List<Case> cases = Matrix.cases(scenarios, smoke, providers);
        if (o.values().containsKey("peers")) {
            List<String> only = Arrays.asList(o.get("peers").split(","));
            cases = cases.stream().map(c -> new Case(c.scenario(), c.label(), c.protocol(), c.delayMillis(),
                    c.provider(), c.args(), c.peers().stream().filter(only::contains).toList()))
                    .filter(c -> !c.peers().isEmpty()).toList();
        }
        boolean failed = false;
        if (!cases.isEmpty()) {
            try (ServerProcess server = new ServerProcess(pki, "0,5,20", logs.resolve("server.log"))) {
                WorkerLauncher launcher = new WorkerLauncher(pki, logs, mode, server);
                for (String scenario : scenariosOf(cases)) {
                    List<Case> these = cases.stream().filter(c -> c.scenario().equals(scenario)).toList();
                    for (PeerResult r : run(launcher, these)) {
                        results.add(r);
                        failed |= !r.ok();
                        print(console, r);
                    }
                }
            }
        }
        List<JmhRunner.Result> jmh = new ArrayList<>();
        if (scenarios.contains("B6")) {
            try {
                jmh = JmhRunner.run(mode, logs);
                console.printf("B6      %d JMH results%n", jmh.size());
            } catch (IOException e) {
                failed = true;
                missing.add("B6 JMH: " + e.getMessage());
                console.println("B6      FAILED " + e.getMessage());
            }
        } else {
            missing.add("B6 JMH micro benchmarks: not selected in this run");
        }
        String label = keyType == KeyType.EC ? "ECDSA P-256" : "RSA 2048";
        Report report = new Report(timestamp, mode, machine, MachineInfo.loadAverage(), label, results, jmh, missing);
        report.write(out);
        TempDirs.deleteTree(pki);
        console.println("wrote " + out.resolve(timestamp + ".md"));
        System.exit(failed ? 1 : 0);
    }
}
