package io.deepmail.benchmarks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.benchmarks.common.BenchPki;
import io.deepmail.benchmarks.server.BenchServer;
import io.deepmail.core.testkit.KeyType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every peer completes its unit of work against the responders, over TLS with the host name checked
 * (the test JVM maps the benchmark host name to loopback through {@code jdk.net.hosts.file}).
 */
class PeersUnitTests {

    @TempDir
    static Path pki;

    private static BenchServer.Listeners server;

    @BeforeAll
    static void start() throws Exception {
        BenchPki.write(pki, KeyType.EC);
        server = BenchServer.start(pki, List.of(0L), 1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Peer peer(String scenario, String name, String provider, int inflight) throws Exception {
        String protocol = "B1".equals(scenario) ? "imap" : "smtp";
        WorkerConfig config = new WorkerConfig(pki, server.port(protocol, 0), provider, "x25519", inflight, 2, 10 * 1024,
                false);
        return switch (scenario + "/" + name) {
            case "B1/ours" -> new OursImapConnect(config);
            case "B1/netty" -> new NettyImapConnect(config);
            case "B1/angus" -> new AngusImapConnect(config);
            case "B3/ours" -> new OursSubmit(config);
            case "B3/netty" -> new NettySubmit(config);
            case "B3/angus" -> new AngusSubmit(config);
            case "B3/vertx" -> new VertxSubmit(config);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @CsvSource({"B1, ours, boringssl", "B1, ours, jdk", "B1, netty, boringssl", "B1, netty, jdk", "B1, angus, jdk",
            "B3, ours, boringssl", "B3, netty, boringssl", "B3, angus, jdk", "B3, vertx, boringssl", "B3, vertx, jdk"})
    @DisplayName("A peer's operations succeed, sequentially and in a closed loop of two")
    void operationsSucceed(String scenario, String name, String provider) throws Exception {
        try (Peer peer = peer(scenario, name, provider, 2)) {
            assertThat(peer.tlsProvider()).isEqualTo("angus".equals(name) || "jdk".equals(provider) ? "JDK" : "BoringSSL");
            for (int i = 0; i < 3; i++) {
                peer.operation().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            Iteration it = ClosedLoop.run(peer::operation, 2, Duration.ofMillis(300));
            assertThat(it.errors()).as("first error: %s", it.firstError()).isZero();
            assertThat(it.ops()).isPositive();
            assertThat(it.latency().getTotalCount()).isEqualTo(it.ops());
            assertThat(it.cpuNanos()).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ours", "angus"})
    @DisplayName("B2: sessions open, select and stay in IDLE; each step reports heap, RSS and threads")
    void idleSessions(String name) throws Exception {
        WorkerConfig config = new WorkerConfig(pki, server.port("imap", 0), "boringssl", "default", 1, 1, 1024, false);
        try (IdleSessions.Holder holder = "ours".equals(name) ? new OursIdle(config) : new AngusIdle(config)) {
            io.vertx.core.json.JsonObject r = IdleSessions.run(holder, List.of(3, 6), Duration.ofMillis(200));
            assertThat(r.getJsonArray("steps")).hasSize(2);
            assertThat(r.getJsonArray("steps").getJsonObject(1).getInteger("sessions")).isEqualTo(6);
            assertThat(r.getJsonArray("steps").getJsonObject(1).getDouble("rssBytes")).isPositive();
            assertThat(holder.failures()).isZero();
        }
    }

    private static io.deepmail.benchmarks.common.Options options(String... args) {
        return io.deepmail.benchmarks.common.Options.parse(args);
    }

    @Test
    @DisplayName("B4: a connect to the blackholed port neither completes nor fails within the probe time")
    void blackholeDropsConnects() throws Exception {
        try (Blackhole hole = new Blackhole(); java.net.Socket s = new java.net.Socket()) {
            assertThat(hole.parked()).isPositive();
            assertThatThrownBy(() -> s.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(),
                    hole.port()), 300)).isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    @DisplayName("B4: with Implicit TLS blackholed, ours discovers SRV+TLSA+A and wins over STARTTLS on a second attempt")
    void firstSecureSessionBlackholed() throws Exception {
        WorkerConfig config = new WorkerConfig(pki, server.port("imap", 0), "boringssl", "default", 1, 1, 1024, false);
        io.vertx.core.json.JsonObject r = FirstSecureSession.run("ours", config, options("--runs", "3", "--warmup-runs",
                "0", "--dns-delay", "5", "--starttls-port", Integer.toString(server.port("imap-starttls", 0))));
        assertThat(r.getInteger("errors")).as("first error: %s", r.getString("firstError")).isZero();
        assertThat(r.getInteger("runs")).isEqualTo(3);
        assertThat(r.getInteger("secondAttempts")).isEqualTo(3);
        assertThat(r.getDouble("p50Ms")).isPositive();
    }

    @Test
    @DisplayName("B4: with Implicit TLS healthy, ours makes one attempt per run")
    void firstSecureSessionHealthy() throws Exception {
        WorkerConfig config = new WorkerConfig(pki, server.port("imap", 0), "boringssl", "default", 1, 1, 1024, false);
        // Two unrecorded runs first, as the benchmark does: a cold JVM's first connect (class loading,
        // the TLS context) can outlast the 250 ms head start on a busy machine.
        io.vertx.core.json.JsonObject r = FirstSecureSession.run("ours", config, options("--runs", "3", "--warmup-runs",
                "2", "--healthy", "true", "--starttls-port", Integer.toString(server.port("imap-starttls", 0))));
        assertThat(r.getInteger("errors")).as("first error: %s", r.getString("firstError")).isZero();
        assertThat(r.getInteger("runs")).isEqualTo(3);
        assertThat(r.getInteger("maxAttempts")).isEqualTo(1);
        assertThat(r.getInteger("secondAttempts")).isZero();
    }

    @Test
    @DisplayName("B5: established sessions answer NOOPs while a storm of new TLS sessions completes")
    void reconnectStorm() throws Exception {
        WorkerConfig config = new WorkerConfig(pki, server.port("imap", 0), "boringssl", "default", 1, 1, 1024, false);
        io.vertx.core.json.JsonObject r = ReconnectStorm.run(config, options("--sessions", "10", "--storm", "10",
                "--probes", "4", "--baseline", "0.3"));
        assertThat(r.getInteger("errors")).as("first error: %s", r.getString("firstError")).isZero();
        assertThat(r.getInteger("sessions")).isEqualTo(10);
        assertThat(r.getInteger("stormCompleted")).isEqualTo(10);
        assertThat(r.getInteger("handshakeTimeouts")).isZero();
        assertThat(r.getDouble("noopBeforeP99Ms")).isPositive();
    }
}
