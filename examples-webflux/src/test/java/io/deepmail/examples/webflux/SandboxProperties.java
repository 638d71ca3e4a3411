package io.deepmail.examples.webflux;

import io.deepmail.sandbox.Sandbox;
import io.deepmail.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One in-process sandbox (DNS with AD-marked SRV, A and TLSA; IMAP, POP3 and Submission over
 * Implicit TLS and STARTTLS) for every application test of this JVM, so that Spring's cached
 * context keeps pointing at a live sandbox. Closed when the JVM exits.
 */
final class SandboxProperties {

    private static Sandbox sandbox;
    private static Path anchors;

    private SandboxProperties() {
    }

    /** The shared sandbox, started on first use. */
    static synchronized Sandbox sandbox() {
        if (sandbox == null) {
            Sandbox started = Sandbox.start(SandboxOptions.defaults());
            try {
                anchors = Files.createTempFile("deepmail-sandbox-ca", ".pem");
                Files.writeString(anchors, started.trustAnchorPem());
            } catch (IOException e) {
                started.close();
                throw new UncheckedIOException(e);
            }
            Path file = anchors;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                file.toFile().delete();
            }, "sandbox-close"));
            sandbox = started;
        }
        return sandbox;
    }

    /** Points the application's probe at the sandbox: its DNS server as trusted resolver, its CA as trust anchor. */
    static void register(DynamicPropertyRegistry registry) {
        Sandbox s = sandbox();
        registry.add("deepmail.dns.trusted-resolver", () -> "127.0.0.1:" + s.dnsServer().getPort());
        registry.add("deepmail.tls.trust-anchors", () -> anchors.toString());
        registry.add("deepmail.probe.timeout", () -> "20s");
        registry.add("server.address", () -> "127.0.0.1");
    }
}
