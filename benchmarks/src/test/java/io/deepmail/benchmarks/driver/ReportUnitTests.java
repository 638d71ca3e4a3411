package io.deepmail.benchmarks.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReportUnitTests {

    private static final Case B1 = new Case("B1", "BoringSSL, group x25519, 16 in flight", "imap", 0, "boringssl",
            Map.of(), List.of("netty", "ours"));

    private static PeerResult result(String peer, double rate, double cpu) {
        return new PeerResult(B1, peer, "BoringSSL", Map.of("opsPerSec", Stats.of(List.of(rate, rate * 0.9, rate * 1.1)),
                "cpuUsPerOp", Stats.of(List.of(cpu)), "allocBytesPerOp", Stats.of(List.of(2048.0)),
                "p50Us", Stats.of(List.of(1000.0)), "p99Us", Stats.of(List.of(4000.0))), 0, null,
                List.of("1.00 0.50 0.25", "1.50 0.60 0.30"), 12, new JsonObject());
    }

    @Test
    @DisplayName("Stats: the median of an odd and an even count, with min and max")
    void stats() {
        assertThat(Stats.of(List.of(3.0, 1.0, 2.0))).isEqualTo(new Stats(2.0, 1.0, 3.0, 3));
        assertThat(Stats.of(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(new Stats(2.5, 1.0, 4.0, 4));
        assertThat(Stats.of(List.of()).n()).isZero();
    }

    @Test
    @DisplayName("The Markdown gives ours / peer on the medians next to the absolute numbers, and the machine load")
    void markdownRatios() {
        JsonObject machine = new JsonObject().put("nproc", 2).put("cpu", "test cpu").put("memTotal", "1 kB")
                .put("loadAvg", "3.00 2.00 1.00").put("os", "os").put("jdk", "jdk").put("netty", "4.2")
                .put("boringssl", "BoringSSL");
        Report report = new Report("20260101T000000Z", Mode.SMOKE, machine, "4.00 3.00 2.00", "ECDSA P-256",
                List.of(result("netty", 1000, 100), result("ours", 900, 150)), List.of(), List.of("B2: not implemented"));
        String md = report.markdown();
        assertThat(md).contains("| BoringSSL, group x25519, 16 in flight | netty | BoringSSL | 1000 (900-1100) | 0.90 | 100 | 1.50 |")
                .contains("| ours | BoringSSL | 900 (810-990) | 1.00 | 150 | 1.00 |")
                .contains("load average (1/5/15 min) 3.00 2.00 1.00 at start, 4.00 3.00 2.00 at end")
                .contains("2 processors").contains("ECDSA P-256").contains("- B2: not implemented");
        assertThat(report.csv()).contains("B1,\"BoringSSL, group x25519, 16 in flight\",ours,BoringSSL,opsPerSec,900.000,810.000,990.000,3,0");
        assertThat(report.json().getJsonArray("results").getJsonObject(1).getJsonObject("metrics")
                .getJsonObject("opsPerSec").getDouble("median")).isEqualTo(900.0);
    }
}
