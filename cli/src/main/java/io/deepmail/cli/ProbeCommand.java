package io.deepmail.cli;

import io.deepmail.core.MailResources;
import io.deepmail.probe.ProbeReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deepmail probe}: RFC 6186 discovery and a credential-free TLS inspection of every
 * candidate, on the probe module's {@code MailProbe}.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Discover a domain's IMAP, POP3 and Submission servers (RFC 6186) and connect to every one "
                + "without credentials: mode, TLS version, cipher, identity, DANE, tags, level, latency.",
            "Exit 0 when every endpoint is secure, 10 when one is insecure or needs confirmation, 1 on error."})
public final class ProbeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EMAIL-OR-DOMAIN", description = "alice@example.com or example.com")
    private String target;

    @Mixin
    private TrustOptions trust;


    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Per endpoint (default: ${DEFAULT-VALUE})")
    private int timeoutSeconds = 15;

    @Option(names = "--json", description = "Print one JSON document on standard output")
    private boolean json;

    @Override
    public Integer call() {
        if (target.isBlank() || target.endsWith("@") || target.contains(" ")) {
            throw new UsageException("not an email address or domain: '" + target + "'");
        }
        if (timeoutSeconds < 1) {
            throw new UsageException("--timeout must be at least 1 second");
        }
        PrintWriter out = spec.commandLine().getOut();
        MailResources resources = MailResources.create();
        try {
            ProbeReport report = Objects.requireNonNull(ProbeSupport.probe(resources, trust.anchors(),
                    trust.resolver(), Duration.ofSeconds(timeoutSeconds), 8)
                    .report(target).block(Duration.ofSeconds(timeoutSeconds * 4L + 30)));
            ExitCode code = ProbeSupport.exitCode(report.verdict());
            if (json) {
                Json.print(out, report);
            } else {
                out.printf("probe %s (domain %s): %s in %d ms%n", report.query(), report.domain(), report.verdict(),
                        report.durationMillis());
                report.endpoints().forEach(e -> ProbeSupport.printEndpoint(out, e));
                report.discoveryProblems().forEach(p -> out.println("  discovery: " + p));
                out.flush();
            }
            if (report.endpoints().isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("deepmail probe: no endpoint found for " + report.domain()
                        + (report.discoveryProblems().isEmpty() ? "" : ": " + String.join("; ", report.discoveryProblems())));
                err.flush();
            }
            return code.code();
        } finally {
            resources.disposeLater().block(ClientKit.WAIT);
        }
    }
}
