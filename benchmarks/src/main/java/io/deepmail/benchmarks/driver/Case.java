package io.deepmail.benchmarks.driver;

import java.util.List;
import java.util.Map;

/**
 * One row group of the report: a scenario with fixed parameters, run once per peer.
 *
 * @param scenario {@code B1}, {@code B3} or {@code B3-5MB}
 * @param label a short human label, e.g. {@code BoringSSL x25519 16 in flight}
 * @param protocol which responder the peers talk to ({@code imap}, {@code smtp})
 * @param delayMillis the responder's per-round-trip delay
 * @param provider {@code boringssl} or {@code jdk}: the provider of the peers that can choose
 * @param args the worker options that define the case
 * @param peers the peers, floor first
 */
record Case(String scenario, String label, String protocol, int delayMillis, String provider, Map<String, String> args,
        List<String> peers) {

    Case {
        args = Map.copyOf(args);
        peers = List.copyOf(peers);
    }
}
