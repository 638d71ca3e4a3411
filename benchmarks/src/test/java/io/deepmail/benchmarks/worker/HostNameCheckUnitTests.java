package io.deepmail.benchmarks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.deepmail.benchmarks.common.BenchPki;
import io.deepmail.benchmarks.server.BenchServer;
import io.deepmail.core.testkit.KeyType;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every peer checks the host name: with a leaf from the trusted CA but for another name, every
 * peer's operation fails, so no peer is measured with the check off.
 */
class HostNameCheckUnitTests {

    @TempDir
    static Path pki;

    private static BenchServer.Listeners server;

    @BeforeAll
    static void start() throws Exception {
        BenchPki.write(pki, KeyType.EC, "other.bench.test");
        server = BenchServer.start(pki, List.of(0L), 1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @CsvSource({"B1, ours, boringssl", "B1, ours, jdk", "B1, netty, boringssl", "B1, netty, jdk", "B1, angus, jdk",
            "B3, vertx, boringssl", "B3, vertx, jdk"})
    @DisplayName("A certificate for another name is refused by every peer")
    void wrongNameRefused(String scenario, String name, String provider) throws Exception {
        WorkerConfig config = new WorkerConfig(pki, server.port("B1".equals(scenario) ? "imap" : "smtp", 0), provider,
                "default", 1, 1, 1024, false);
        Peer peer = switch (name) {
            case "ours" -> new OursImapConnect(config);
            case "netty" -> new NettyImapConnect(config);
            case "angus" -> new AngusImapConnect(config);
            default -> new VertxSubmit(config);
        };
        try (peer) {
            Throwable failure = catchThrowable(() -> peer.operation().toCompletableFuture().get(30, TimeUnit.SECONDS));
            assertThat(failure).as("%s must refuse the certificate", name).isNotNull();
        }
    }
}
