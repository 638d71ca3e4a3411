package io.deepmail.cli;

import io.deepmail.cli.sandbox.SandboxRun;
import io.deepmail.sandbox.Sandbox;
import io.deepmail.sandbox.SandboxFault;
import io.deepmail.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deepmail sandbox}: the whole client pipeline against an embedded sandbox on loopback. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Start an embedded sandbox on 127.0.0.1 (DNS with secure SRV and TLSA, IMAP, POP3 and "
                + "Submission over Implicit TLS and STARTTLS, a STARTTLS-stripping server, a latch store) and run "
                + "the real client pipeline against it, checking every expectation.",
            "Exits 0 only if everything behaved as specified."})
public final class SandboxCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--latch-store", paramLabel = "DIR",
            description = "Keep the sandbox's latch store in DIR (default: a temporary directory, removed).")
    private @Nullable Path latchStore;

    @Option(names = "--fault", paramLabel = "FAULT",
            description = "Start the sandbox with a deliberate fault to watch the client refuse it: ${COMPLETION-CANDIDATES}.")
    private SandboxFault fault = SandboxFault.NONE;

    @Override
    public Integer call() {
        SandboxOptions options = SandboxOptions.defaults().withFault(fault);
        Path dir = latchStore;
        if (dir != null) {
            options = options.withLatchDirectory(dir);
        }
        try (Sandbox sandbox = Sandbox.start(options);
                ClientKit kit = ClientKit.create(sandbox.trustAnchors(), sandbox.dnsServer(), sandbox.latchStore())) {
            return new SandboxRun(sandbox, kit, spec.commandLine().getOut()).run().code();
        }
    }
}
