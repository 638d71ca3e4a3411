package io.deepmail.cli;

import io.deepmail.probe.DaneResult;
import io.deepmail.probe.EndpointProbe;
import io.deepmail.probe.ProbeReport;
import io.deepmail.probe.ProbeVerdict;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The audit's report file (CSV, one row per endpoint, or JSON) and its summary shares. */
final class AuditReport {

    private static final String HEADER = "domain,domain_verdict,protocol,host,port,mode,endpoint_verdict,tls_version,"
            + "cipher,authentication,identity,dane,level,tags,latency_ms,error";

    private final List<ProbeReport> reports;

    AuditReport(List<ProbeReport> reports) {
        this.reports = List.copyOf(reports);
    }

    /** The summary: domains by verdict, and among endpoints with a TLS session the shares that matter. */
    Map<String, Object> summary() {
        List<EndpointProbe> sessions = reports.stream().flatMap(r -> r.endpoints().stream())
                .filter(e -> e.error() == null).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domains", reports.size());
        for (ProbeVerdict v : ProbeVerdict.values()) {
            m.put("domains" + camel(v.name()), reports.stream().filter(r -> r.verdict() == v).count());
        }
        m.put("endpoints", reports.stream().mapToLong(r -> r.endpoints().size()).sum());
        m.put("endpointsWithSession", sessions.size());
        m.put("implicitTlsShare", share(sessions, e -> e.mode() == io.deepmail.core.TransportMode.IMPLICIT));
        m.put("level1Share", share(sessions, e -> e.level() != null && e.level() == 1));
        m.put("daneShare", share(sessions, e -> e.dane() == DaneResult.VERIFIED));
        m.put("tls13Share", share(sessions, e -> "TLSv1.3".equals(e.tlsVersion())));
        return m;
    }

    void write(Path file, boolean json) throws IOException {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("summary", summary());
            doc.put("domains", reports);
            Files.writeString(file, Json.mapper().writeValueAsString(doc), StandardCharsets.UTF_8);
            return;
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER + "\n");
            for (ProbeReport r : reports) {
                if (r.endpoints().isEmpty()) {
                    w.write(csv(r.domain(), r.verdict().name(), "", "", "", "", "", "", "", "", "", "", "", "", "",
                            String.join("; ", r.discoveryProblems())) + "\n");
                }
                for (EndpointProbe e : r.endpoints()) {
                    w.write(csv(r.domain(), r.verdict().name(), e.protocol().name(), e.host(), String.valueOf(e.port()),
                            e.mode().name(), e.verdict().name(), str(e.tlsVersion()), str(e.cipher()),
                            str(e.authentication()), e.identity().name(), e.dane().name(), str(e.level()),
                            e.tags().stream().map(Enum::name).collect(Collectors.joining(" ")),
                            String.valueOf(e.latencyMillis()),
                            e.error() == null ? "" : e.error().exception() + ": " + e.error().message()) + "\n");
                }
            }
        }
    }

    private static String share(List<EndpointProbe> sessions, java.util.function.Predicate<EndpointProbe> p) {
        if (sessions.isEmpty()) {
            return "n/a";
        }
        long n = sessions.stream().filter(p).count();
        return String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100.0 * n / sessions.size(), n, sessions.size());
    }

    private static String camel(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.toLowerCase(Locale.ROOT).split("_")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String csv(String... fields) {
        List<String> quoted = new ArrayList<>();
        for (String f : fields) {
            quoted.add(f.contains(",") || f.contains("\"") || f.contains("\n")
                    ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        }
        return String.join(",", quoted);
    }
}
