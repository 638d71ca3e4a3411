package io.deepmail.cli;

import io.deepmail.core.MailResources;
import io.deepmail.probe.MailProbe;
import io.deepmail.probe.ProbeReport;
import io.deepmail.probe.ProbeVerdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/**
 * {@code deepmail audit}: probes many domains, a bounded number at a time, with a progress bar on a
 * terminal (plain lines otherwise), writes a CSV or JSON report and prints a summary.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Probe every domain listed in FILE (one per line, # comments), a few at a time, and write a "
                + "report. The summary gives the shares of Implicit TLS, level 1, DANE and TLS 1.3 among the "
                + "endpoints reached.",
            "Exit 0 when every domain is secure, 10 when one is insecure or needs confirmation, 1 on error."})
public final class AuditCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The domains (or addresses), one per line")
    private Path file;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the report here (.json: JSON, else CSV)")
    private @Nullable Path report;

    @Option(names = "--format", paramLabel = "FORMAT", description = "csv or json (default: from --report's name)")
    private @Nullable String format;

    @Option(names = "--concurrency", paramLabel = "N", description = "Domains probed at once (default: ${DEFAULT-VALUE})")
    private int concurrency = 4;

    @Mixin
    private TrustOptions trust;


    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Per endpoint (default: ${DEFAULT-VALUE})")
    private int timeoutSeconds = 15;

    @Option(names = "--json", description = "Print the summary as one JSON document")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        List<String> domains = domains();
        if (concurrency < 1 || concurrency > 64) {
            throw new UsageException("--concurrency must be between 1 and 64");
        }
        boolean jsonReport = format != null ? "json".equalsIgnoreCase(format)
                : report != null && report.toString().toLowerCase(Locale.ROOT).endsWith(".json");
        if (format != null && !"json".equalsIgnoreCase(format) && !"csv".equalsIgnoreCase(format)) {
            throw new UsageException("--format must be csv or json");
        }
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = new Progress(spec.commandLine().getErr(), domains.size(), System.console() != null);
        MailResources resources = MailResources.create();
        try {
            MailProbe probe = ProbeSupport.probe(resources, trust.anchors(),
                    trust.resolver(), Duration.ofSeconds(timeoutSeconds), 8);
            List<Tuple2<Integer, ProbeReport>> done = Flux.range(0, domains.size())
                    .flatMap(i -> probe.report(domains.get(i))
                            .onErrorResume(e -> Mono.just(failed(domains.get(i), e)))
                            .map(r -> Tuples.of(i, r))
                            .doOnNext(t -> progress.done(t.getT2())), concurrency)
                    .collectList().block(Duration.ofSeconds((long) timeoutSeconds * 4 * domains.size() + 60));
            List<ProbeReport> reports = new ArrayList<>();
            done.stream().sorted(Comparator.comparing(Tuple2::getT1)).forEach(t -> reports.add(t.getT2()));
            progress.finish();
            AuditReport audit = new AuditReport(reports);
            if (report != null) {
                audit.write(report, jsonReport);
            }
            Map<String, Object> summary = audit.summary();
            if (json) {
                Json.print(out, summary);
            } else {
                summary.forEach((k, v) -> out.printf("%-34s %s%n", k, v));
                if (report != null) {
                    out.printf("%-34s %s%n", "report", report);
                }
                out.flush();
            }
            return ProbeSupport.exitCode(ProbeVerdict.overall(reports.stream().map(ProbeReport::verdict).toList()))
                    .code();
        } finally {
            resources.disposeLater().block(ClientKit.WAIT);
        }
    }

    private List<String> domains() {
        if (!Files.isReadable(file)) {
            throw new UsageException("domain file not readable: " + file);
        }
        try {
            List<String> list = Files.readAllLines(file).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).distinct().toList();
            if (list.isEmpty()) {
                throw new UsageException("no domain in " + file);
            }
            return list;
        } catch (IOException e) {
            throw new UsageException("domain file not readable: " + file);
        }
    }

    private static ProbeReport failed(String domain, Throwable e) {
        return new ProbeReport(domain, domain.substring(domain.indexOf('@') + 1), List.of(),
                List.of(Failures.describe(e)), 0, ProbeVerdict.ERROR);
    }

    /** A progress bar on a terminal, one plain line per domain otherwise; on standard error either way. */
    private static final class Progress {

        private final PrintWriter err;
        private final int total;
        private final boolean terminal;
        private final AtomicInteger count = new AtomicInteger();

        Progress(PrintWriter err, int total, boolean terminal) {
            this.err = err;
            this.total = total;
            this.terminal = terminal;
        }

        synchronized void done(ProbeReport report) {
            int n = count.incrementAndGet();
            if (terminal) {
                int width = 30;
                int filled = width * n / total;
                err.printf("\r[%s%s] %d/%d %-40s", "#".repeat(filled), ".".repeat(width - filled), n, total,
                        report.domain() + " " + report.verdict());
            } else {
                err.printf("[%d/%d] %s %s%n", n, total, report.domain(), report.verdict());
            }
            err.flush();
        }

        synchronized void finish() {
            if (terminal) {
                err.println();
                err.flush();
            }
        }
    }
}
