package io.deepmail.benchmarks.worker;

import io.deepmail.benchmarks.common.Options;
import java.nio.file.Path;

/**
 * What one worker JVM measures, from the driver's options.
 *
 * @param pki the PKI directory
 * @param port the responder's port (protocol and delay chosen by the driver)
 * @param provider {@code boringssl} or {@code jdk}
 * @param group {@code x25519} (X25519 only) or {@code default} (on BoringSSL deepmail's default list,
 *     the hybrid first, for ours and the floor alike; on the JDK provider Java 17's own list)
 * @param inflight operations in flight (B1) or pool size (B3)
 * @param recipients recipients per message (B3)
 * @param messageBytes message size (B3)
 * @param micrometer whether ours records metrics into a Micrometer registry
 */
record WorkerConfig(Path pki, int port, String provider, String group, int inflight, int recipients, int messageBytes,
        boolean micrometer) {

    static WorkerConfig from(Options o) {
        return new WorkerConfig(Path.of(o.get("pki")), o.getInt("port", 0), o.get("provider", "boringssl"),
                o.get("group", "default"), o.getInt("inflight", 16), o.getInt("recipients", 1),
                o.getInt("size", 10 * 1024), o.flag("micrometer"));
    }

    boolean boringSsl() {
        return "boringssl".equals(provider);
    }

    boolean x25519Only() {
        return "x25519".equals(group);
    }
}
