package io.deepmail.benchmarks.driver;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One peer's outcome in one case.
 *
 * @param aCase the case
 * @param peer the peer name
 * @param tlsProvider the TLS implementation that handshook ({@code BoringSSL}, {@code JDK})
 * @param metrics median, min and max over the repetitions, by metric name
 * @param errors failed operations over all repetitions
 * @param failure why the peer produced no result, if it did not
 * @param load the machine's load averages before and after the worker ran
 * @param threads live threads in the worker at the end
 * @param detail scenario-specific raw results (B2: the steps and the idle CPU), or an empty object
 */
record PeerResult(Case aCase, String peer, String tlsProvider, Map<String, Stats> metrics, long errors,
        @Nullable String failure, List<String> load, int threads, JsonObject detail) {

    /** The metrics each repetition reports, in report order. */
    static final List<String> METRICS = List.of("opsPerSec", "cpuUsPerOp", "allocBytesPerOp", "p50Us", "p99Us",
            "maxEventLoopStallMs");

    PeerResult {
        metrics = Map.copyOf(metrics);
        load = List.copyOf(load);
    }

    boolean ok() {
        return failure == null;
    }

    double median(String metric) {
        Stats s = metrics.get(metric);
        return s == null ? Double.NaN : s.median();
    }
}
