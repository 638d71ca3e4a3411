package io.deepmail.cli;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.PrivacyWarning;
import io.deepmail.core.connect.MailUrl;
import io.deepmail.core.latch.EndpointLatches;
import io.deepmail.core.latch.LatchService;
import io.deepmail.core.latch.LatchState;
import io.deepmail.core.latch.LatchStore;
import io.deepmail.core.latch.TagLatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Mono;

/**
 * {@code deepmail latches list|show|confirm|reset}: read and edit an account's latches in a store.
 * Confirming only raises (L4a); resetting lowers, so it warns about privacy and asks first (L10).
 */
@Command(name = "latches", mixinStandardHelpOptions = true, subcommandsRepeatable = false,
        description = "Show, confirm or reset an account's latches in a latch store.")
public final class LatchesCommand {

    @Spec
    private CommandSpec spec;

    @Option(names = "--latch-store", required = true, scope = picocli.CommandLine.ScopeType.INHERIT,
            paramLabel = "DIR|redis://…", description = "The latch store: a directory (embedded) or a Redis URI")
    private String latchStore;

    @Option(names = "--json", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print one JSON document on standard output")
    private boolean json;

    @Command(name = "list", description = "One line per endpoint of the account: its latched tags by state.")
    int list(@Parameters(paramLabel = "ACCOUNT", description = "The account's email address") String address) {
        return withService(service -> {
            LatchState state = state(service, address);
            PrintWriter out = out();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("account", address);
                doc.put("accountCertificate", state.accountCertificate().name());
                List<Map<String, Object>> endpoints = new ArrayList<>();
                state.endpoints().forEach((e, l) -> {
                    Map<String, Object> m = Json.endpoint(e);
                    m.put("latches", summary(l));
                    endpoints.add(m);
                });
                doc.put("endpoints", endpoints);
                Json.print(out, doc);
            } else {
                out.printf("%s: revision %d, account-wide certificate latch %s%n", address, state.revision(),
                        state.accountCertificate());
                if (state.endpoints().isEmpty()) {
                    out.println("  no endpoint latched");
                }
                state.endpoints().forEach((e, l) -> out.printf("  %-45s %s%n", e, summary(l)));
            }
            return ExitCode.OK;
        });
    }

    @Command(name = "show", description = "Every latch of the account, or of one endpoint: state, observations, first seen.")
    int show(@Parameters(paramLabel = "ACCOUNT", description = "The account's email address") String address,
            @Option(names = "--endpoint", paramLabel = "URL", description = "Only this endpoint, as a mail URL")
            @Nullable String endpointUrl) {
        return withService(service -> {
            LatchState state = state(service, address);
            Endpoint only = endpointUrl == null ? null : endpoint(endpointUrl);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("account", address);
            doc.put("revision", state.revision());
            doc.put("accountCertificate", state.accountCertificate().name());
            doc.put("pins", state.pins().keySet());
            List<Map<String, Object>> endpoints = new ArrayList<>();
            state.endpoints().forEach((e, l) -> {
                if (only == null || only.equals(e)) {
                    Map<String, Object> m = Json.endpoint(e);
                    Map<String, Object> tags = new LinkedHashMap<>();
                    l.tags().forEach((tag, latch) -> tags.put(tag.name(), latch(latch)));
                    l.versions().forEach((version, latch) -> tags.put(version.toString(), latch(latch)));
                    m.put("tags", tags);
                    endpoints.add(m);
                }
            });
            doc.put("endpoints", endpoints);
            if (json) {
                Json.print(out(), doc);
            } else {
                doc.forEach((k, v) -> {
                    if (!"endpoints".equals(k)) {
                        out().printf("%-19s %s%n", k, v);
                    }
                });
                endpoints.forEach(m -> {
                    out().printf("%s %s:%s (%s)%n", m.get("protocol"), m.get("host"), m.get("port"), m.get("mode"));
                    ((Map<?, ?>) m.get("tags")).forEach((tag, latch) -> out().printf("  %-12s %s%n", tag, latch));
                });
                out().flush();
            }
            if (only != null && endpoints.isEmpty()) {
                err().println("deepmail latches: no latches for " + only);
                err().flush();
                return ExitCode.FAILURE;
            }
            return ExitCode.OK;
        });
    }

    @Command(name = "confirm", description = "Confirm an endpoint's PROVISIONAL latches, raising them to NORMAL (L4a).")
    int confirm(@Parameters(paramLabel = "ACCOUNT", description = "The account's email address") String address,
            @Option(names = "--endpoint", required = true, paramLabel = "URL",
                    description = "The endpoint as a mail URL, e.g. imaps://mail.example.com:993") String endpointUrl) {
        Endpoint endpoint = endpoint(endpointUrl);
        return withService(service -> {
            LatchState state = Objects.requireNonNull(service.confirm(account(address), endpoint).block(ClientKit.WAIT));
            String summary = summary(state.endpoint(endpoint));
            if (json) {
                Map<String, Object> doc = Json.endpoint(endpoint);
                doc.put("latches", summary);
                Json.print(out(), doc);
            } else {
                out().printf("confirmed %s: %s%n", endpoint, summary);
                out().flush();
            }
            return ExitCode.OK;
        });
    }

    @Command(name = "reset", description = "Remove every latch of the account. Warns, and asks unless --yes (L10).")
    int reset(@Parameters(paramLabel = "ACCOUNT", description = "The account's email address") String address,
            @Option(names = "--yes", description = "Do not ask") boolean yes,
            @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "reset from the command line",
                    description = "Recorded with the reset") String reason) {
        PrintWriter err = err();
        err.println("WARNING: resetting the latches of " + address + " forgets every protection learned for it "
                + "(TLS, Implicit TLS, certificate or DANE authentication, TLS version). Until they are learned again, "
                + "a downgraded or impersonated server is no longer detected, and the privacy of the account's "
                + "password and messages is no longer assured (RFC 8314 section 5.2).");
        err.flush();
        if (!yes && !confirmed(err)) {
            err.println("deepmail latches: not reset");
            err.flush();
            return ExitCode.FAILURE.code();
        }
        return withService(service -> {
            PrivacyWarning warning = Objects.requireNonNull(service.reset(account(address), reason).block(ClientKit.WAIT));
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("account", address);
                doc.put("reset", true);
                doc.put("warning", warning.message());
                Json.print(out(), doc);
            } else {
                out().println("reset " + address + ": " + warning.message());
                out().flush();
            }
            return ExitCode.OK;
        });
    }

    private static boolean confirmed(PrintWriter err) {
        err.print("Type 'yes' to reset: ");
        err.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && "yes".equalsIgnoreCase(answer.trim());
        } catch (IOException e) {
            return false;
        }
    }

    private int withService(Function<LatchService, ExitCode> body) {
        LatchStore store = Inputs.latchStore(latchStore);
        try {
            return body.apply(LatchService.create(store)).code();
        } finally {
            store.dispose();
        }
    }

    private static LatchState state(LatchService service, String address) {
        return Objects.requireNonNull(service.state(account(address)).block(ClientKit.WAIT), "latch state");
    }

    private static Account account(String address) {
        if (!address.contains("@") || address.startsWith("@") || address.endsWith("@")) {
            throw new UsageException("not an email address: '" + address + "'");
        }
        return Account.builder(address)
                .credentials(() -> Mono.error(new IllegalStateException("latch edits send no credentials")))
                .build();
    }

    private static Endpoint endpoint(String url) {
        try {
            return MailUrl.parse(url).endpoint();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--endpoint: " + e.getMessage());
        }
    }

    private static Map<String, Object> latch(TagLatch latch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", latch.state().name());
        m.put("observations", latch.observations());
        m.put("firstObserved", latch.firstObserved() == null ? null : latch.firstObserved().toString());
        return m;
    }

    private static String summary(EndpointLatches latches) {
        return LatchSummary.of(latches);
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
