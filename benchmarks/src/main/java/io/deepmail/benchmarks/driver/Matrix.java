package io.deepmail.benchmarks.driver;

import io.deepmail.core.MailResources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cases of each scenario, the full matrix or the smoke subset. */
final class Matrix {

    /** The peer names; {@code ours+micrometer} is ours with a Micrometer registry (B6, Micrometer on vs off). */
    static final String NETTY = "netty";
    static final String OURS = "ours";
    static final String OURS_MICROMETER = "ours+micrometer";
    static final String ANGUS = "angus";
    static final String VERTX = "vertx";

    private Matrix() {
    }

    static List<Case> cases(List<String> scenarios, boolean smoke, List<String> providers) {
        List<Case> all = new ArrayList<>();
        if (scenarios.contains("B1")) {
            for (String provider : providers) {
                for (String group : smoke ? List.of("default") : List.of("x25519", "default")) {
                    for (int inflight : smoke ? List.of(16) : List.of(16, 64)) {
                        Map<String, String> args = new LinkedHashMap<>();
                        args.put("provider", provider);
                        args.put("group", group);
                        args.put("inflight", Integer.toString(inflight));
                        all.add(new Case("B1", providerName(provider) + ", " + groupName(provider, group) + ", "
                                + inflight + " in flight", "imap", 0, provider, args,
                                List.of(NETTY, OURS, OURS_MICROMETER, ANGUS)));
                    }
                }
            }
        }
        if (scenarios.contains("B2")) {
            Map<String, String> args = new LinkedHashMap<>();
            args.put("provider", "boringssl");
            args.put("steps", smoke ? "100,200" : "2000,5000,10000");
            args.put("idle", smoke ? "1" : "10");
            all.add(new Case("B2", "sessions " + args.get("steps") + ", idle " + args.get("idle") + " s", "imap", 0,
                    "boringssl", args, List.of(OURS, ANGUS)));
        }
        if (scenarios.contains("B3")) {
            for (int rtt : smoke ? List.of(0) : List.of(0, 20)) {
                for (int rcpts : smoke ? List.of(1) : List.of(1, 10)) {
                    for (int pool : smoke ? List.of(1) : List.of(1, 10)) {
                        Map<String, String> args = new LinkedHashMap<>();
                        args.put("provider", "boringssl");
                        args.put("size", Integer.toString(10 * 1024));
                        args.put("recipients", Integer.toString(rcpts));
                        args.put("inflight", Integer.toString(pool));
                        all.add(new Case("B3", "10 KB, " + rcpts + " rcpt, pool " + pool + ", RTT " + rtt + " ms",
                                "smtp", rtt, "boringssl", args, List.of(NETTY, OURS, OURS_MICROMETER, ANGUS, VERTX)));
                    }
                }
            }
        }
        if (scenarios.contains("B3-5MB")) {
            Map<String, String> args = new LinkedHashMap<>();
            args.put("provider", "boringssl");
            args.put("size", Integer.toString(5 * 1024 * 1024));
            args.put("recipients", "1");
            args.put("inflight", "1");
            args.put("probe", "true");
            all.add(new Case("B3-5MB", "5 MB, 1 rcpt, pool 1, RTT 0 ms, event-loop probe", "smtp", 0, "boringssl", args,
                    List.of(NETTY, OURS)));
        }
        if (scenarios.contains("B4")) {
            String runs = smoke ? "20" : "200";
            for (int dnsDelay : List.of(0, 20)) {
                Map<String, String> args = new LinkedHashMap<>();
                args.put("provider", "boringssl");
                args.put("dns-delay", Integer.toString(dnsDelay));
                args.put("runs", runs);
                args.put("warmup-runs", smoke ? "3" : "20");
                args.put("angus-runs", smoke ? "2" : "5");
                args.put("cap-ms", smoke ? "2000" : "5000");
                all.add(new Case("B4", "Implicit TLS blackholed, STARTTLS healthy, DNS delay " + dnsDelay + " ms, "
                        + runs + " runs", "imap", 0, "boringssl", args, List.of(NETTY, OURS, ANGUS)));
            }
            Map<String, String> args = new LinkedHashMap<>();
            args.put("provider", "boringssl");
            args.put("dns-delay", "0");
            args.put("runs", runs);
            args.put("warmup-runs", smoke ? "3" : "20");
            args.put("healthy", "true");
            all.add(new Case("B4", "Implicit TLS healthy, DNS delay 0 ms, " + runs + " runs", "imap", 0, "boringssl",
                    args, List.of(OURS)));
        }
        if (scenarios.contains("B5")) {
            // the library's default bound on handshakes in flight, then none (what it protects against)
            for (String limit : List.of("default", "0")) {
                Map<String, String> args = new LinkedHashMap<>();
                args.put("provider", "boringssl");
                args.put("sessions", smoke ? "300" : "5000");
                args.put("storm", smoke ? "200" : "2000");
                args.put("probes", smoke ? "50" : "200");
                args.put("baseline", smoke ? "1" : "3");
                args.put("handshake-limit", limit);
                all.add(new Case("B5", args.get("sessions") + " established sessions, storm of " + args.get("storm")
                        + " new TLS sessions at once, " + ("0".equals(limit) ? "no handshake bound"
                        : "the default handshake bound (" + MailResources.defaultMaxHandshakesInFlight() + ")"), "imap", 0,
                        "boringssl", args, List.of(OURS)));
            }
        }
        return all;
    }

    /** What "default" offers: deepmail's default list (the hybrid first) on BoringSSL; the JDK's own on Java 17. */
    static String groupName(String provider, String group) {
        if ("x25519".equals(group)) {
            return "X25519 only";
        }
        return "jdk".equals(provider) ? "JDK default groups (no hybrid on Java 17)" : "default: X25519MLKEM768 first";
    }

    static String providerName(String provider) {
        return "jdk".equals(provider) ? "JDK" : "BoringSSL";
    }
}
