package io.deepmail.cli;

import io.deepmail.core.MailResources;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.probe.EndpointProbe;
import io.deepmail.probe.MailProbe;
import io.deepmail.probe.ProbeVerdict;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What {@code probe} and {@code audit} share: building the {@link MailProbe}, exit codes and the endpoint line. */
final class ProbeSupport {

    private ProbeSupport() {
    }

    static MailProbe probe(MailResources resources, TrustAnchors anchors, @Nullable InetSocketAddress resolver,
            Duration timeout, int concurrency) {
        MailProbe probe = MailProbe.create(resources).trustAnchors(anchors).timeout(timeout).concurrency(concurrency);
        return resolver != null ? probe.trustedResolver(resolver) : probe;
    }

    static ExitCode exitCode(ProbeVerdict verdict) {
        return switch (verdict) {
            case SECURE -> ExitCode.OK;
            case INSECURE_OR_NEEDS_CONFIRMATION -> ExitCode.INSECURE;
            case ERROR -> ExitCode.FAILURE;
        };
    }

    static void printEndpoint(PrintWriter out, EndpointProbe e) {
        out.printf("  %-10s %-28s %-8s %-30s%n", e.protocol(), e.host() + ":" + e.port(), e.mode(), e.verdict());
        if (e.error() != null) {
            out.printf("      error     %s: %s: %s%n", e.error().kind(), e.error().exception(), e.error().message());
        } else {
            out.printf("      version   %-9s cipher %s%n", e.tlsVersion(), e.cipher());
            out.printf("      auth      %-9s identity %s  DANE %s%n", e.authentication(), e.identity(), e.dane());
            out.printf("      level     %-9s tags %s%n", e.level(),
                    e.tags().stream().map(Enum::name).collect(Collectors.joining(",")));
        }
        out.printf("      discovery %s%s, %d ms%n", e.discoveryTrust(), e.needsConfirmation() ? " (needs confirmation)" : "",
                e.latencyMillis());
    }
}
