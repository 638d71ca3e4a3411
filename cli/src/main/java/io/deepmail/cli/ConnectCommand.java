package io.deepmail.cli;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.MailUrl;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.latch.LatchStore;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.imap.ImapSession;
import io.deepmail.imap.response.ListData;
import io.deepmail.pop3.Pop3Session;
import io.deepmail.pop3.Pop3Stat;
import io.deepmail.submission.Envelope;
import io.deepmail.submission.SubmissionResult;
import io.deepmail.submission.SubmissionSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code deepmail connect imap|pop3|submission}: connect, log in, do one harmless thing, and print
 * the session's security record. Exit codes are typed by {@link Failures}.
 */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = {"Connect to a server, log in and print the session security record. IMAP lists the "
                + "mailboxes, POP3 runs STAT, Submission runs EHLO/AUTH and optionally sends --message to --to.",
            "Where: --url, or --host (with --port and --mode), or RFC 6186 discovery of --user's domain "
                + "through --resolver."})
public final class ConnectCommand implements Callable<Integer> {

    /** The modes of {@code --mode}. */
    enum Mode { implicit, starttls, race }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROTOCOL", description = "imap, pop3 or submission")
    private String protocol;

    @Option(names = "--url", paramLabel = "URL", description = "A mail URL, e.g. imaps://mail.example.com:993")
    private @Nullable String url;

    @Option(names = "--host", paramLabel = "HOST", description = "The server's host name")
    private @Nullable String host;

    @Option(names = "--port", paramLabel = "PORT", description = "The port (default: the mode's well-known port)")
    private @Nullable Integer port;

    @Option(names = "--mode", paramLabel = "MODE", description = "implicit, starttls or race (default: race)")
    private Mode mode = Mode.race;

    @Option(names = "--user", required = true, paramLabel = "ADDRESS",
            description = "The account's email address, also the login name")
    private String user;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Secret secret;

    @Option(names = "--trust-ca", paramLabel = "FILE", description = "Trust only the CA certificates in this PEM file")
    private @Nullable Path trustCa;

    @Option(names = "--resolver", paramLabel = "HOST:PORT",
            description = "A trusted, validating DNS resolver: discovery, DNSSEC and DANE")
    private @Nullable String resolver;

    @Option(names = "--latch-store", paramLabel = "DIR|redis://…", description = "Check and record latches here")
    private @Nullable String latchStore;

    @Option(names = "--message", paramLabel = "FILE", description = "Submission: send this RFC 5322 message")
    private @Nullable Path message;

    @Option(names = "--to", paramLabel = "ADDRESS", description = "Submission: the recipient of --message")
    private @Nullable String to;

    @Option(names = "--json", description = "Print one JSON document on standard output")
    private boolean json;

    /** Exactly one way to log in. */
    static final class Secret {
        @Option(names = "--password-file", paramLabel = "FILE", description = "A file whose first line is the password")
        @Nullable Path passwordFile;

        @Option(names = "--token-file", paramLabel = "FILE", description = "A file whose first line is an OAuth2 token")
        @Nullable Path tokenFile;
    }

    @Override
    public Integer call() {
        MailProtocol p = protocol();
        Account account = account();
        byte[] content = messageContent(p);
        Targets targets = targets(p);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LatchStore store = latchStore == null ? null : Inputs.latchStore(latchStore);
        try (ClientKit kit = ClientKit.create(Inputs.trust(trustCa), resolver == null ? null : Inputs.resolver(resolver),
                store)) {
            Map<String, Object> result = new LinkedHashMap<>();
            boolean[] authenticating = {false};
            try {
                SessionSecurity security = switch (p) {
                    case IMAP -> imap(kit, account, targets, result, authenticating);
                    case POP3 -> pop3(kit, account, targets, result, authenticating);
                    case SUBMISSION -> submission(kit, account, targets, content, result);
                };
                report(out, kit, security, result);
                return ExitCode.OK.code();
            } catch (RuntimeException e) {
                if (e instanceof UsageException) {
                    throw e;
                }
                ExitCode code = Failures.classify(e, authenticating[0]);
                if (json) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("ok", false);
                    doc.put("error", Json.error(code, e));
                    Json.print(out, doc);
                }
                err.println("deepmail connect: " + code.label() + ": " + Failures.describe(e));
                err.flush();
                return code.code();
            }
        } finally {
            if (store != null) {
                store.dispose();
            }
        }
    }

    private SessionSecurity imap(ClientKit kit, Account account, @Nullable Targets targets, Map<String, Object> result,
            boolean[] authenticating) {
        var client = kit.imap();
        Targets t = targets != null ? targets : Objects.requireNonNull(client.targets(account).block(ClientKit.WAIT));
        ImapSession session = Objects.requireNonNull(client.establish(account, t).block(ClientKit.WAIT));
        try {
            authenticating[0] = true;
            session.authenticate().block(ClientKit.WAIT);
            authenticating[0] = false;
            List<String> boxes = session.list("", "*", false).map(ListData::decodedMailbox).collectList()
                    .block(ClientKit.WAIT);
            result.put("mailboxes", boxes);
            session.logout().block(ClientKit.WAIT);
            return session.security();
        } finally {
            session.close().onErrorResume(e -> Mono.empty()).block(ClientKit.WAIT);
        }
    }

    private SessionSecurity pop3(ClientKit kit, Account account, @Nullable Targets targets, Map<String, Object> result,
            boolean[] authenticating) {
        Targets t = targets != null ? targets : kit.discover(account, MailProtocol.POP3);
        Pop3Session session = Objects.requireNonNull(kit.pop3(account, t).block(ClientKit.WAIT));
        try {
            authenticating[0] = true;
            session.authenticate().block(ClientKit.WAIT);
            authenticating[0] = false;
            Pop3Stat stat = Objects.requireNonNull(session.stat().block(ClientKit.WAIT));
            result.put("messages", stat.count());
            result.put("octets", stat.size());
            session.quit().block(ClientKit.WAIT);
            return session.security();
        } finally {
            session.close().onErrorResume(e -> Mono.empty()).block(ClientKit.WAIT);
        }
    }

    private SessionSecurity submission(ClientKit kit, Account account, @Nullable Targets targets, byte @Nullable [] content,
            Map<String, Object> result) {
        Targets t = targets != null ? targets : kit.discover(account, MailProtocol.SUBMISSION);
        SubmissionSession session = Objects.requireNonNull(kit.submission().connect(account, t).block(ClientKit.WAIT));
        try {
            result.put("authenticated", true);
            if (content != null) {
                Flux<ByteBuf> body = Flux.defer(() -> Flux.just(Unpooled.wrappedBuffer(content)));
                SubmissionResult sent = Objects.requireNonNull(session.send(
                        Envelope.of(account.address(), Objects.requireNonNull(to)), body).block(ClientKit.WAIT));
                result.put("queueId", sent.queueId());
                result.put("accepted", sent.accepted());
            }
            session.quit().block(ClientKit.WAIT);
            return session.security();
        } finally {
            session.quit().onErrorResume(e -> Mono.empty()).block(ClientKit.WAIT);
        }
    }

    private void report(PrintWriter out, ClientKit kit, SessionSecurity security, Map<String, Object> result) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", true);
            doc.put("security", Json.security(security, kit.log().last(security.endpoint()).orElse(null)));
            doc.put("result", result);
            Json.print(out, doc);
            return;
        }
        out.println(security.logLine());
        Json.security(security, kit.log().last(security.endpoint()).orElse(null))
                .forEach((k, v) -> out.printf("  %-15s %s%n", k, v));
        result.forEach((k, v) -> out.printf("  %-15s %s%n", k, v));
        out.flush();
    }

    private MailProtocol protocol() {
        try {
            return MailProtocol.valueOf(protocol.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown protocol '" + protocol + "'; use imap, pop3 or submission");
        }
    }

    private Account account() {
        if (!user.contains("@") || user.startsWith("@") || user.endsWith("@")) {
            throw new UsageException("--user must be an email address, got '" + user + "'");
        }
        Credentials credentials = secret.passwordFile != null
                ? new Credentials.Password(user, Inputs.secret(secret.passwordFile, "--password-file"))
                : new Credentials.OAuth2Token(user, Inputs.secret(Objects.requireNonNull(secret.tokenFile), "--token-file"));
        return Account.builder(user).credentials(CredentialsProvider.of(credentials)).build();
    }

    private byte @Nullable [] messageContent(MailProtocol p) {
        if (message == null && to == null) {
            return null;
        }
        if (p != MailProtocol.SUBMISSION || message == null || to == null) {
            throw new UsageException("--message and --to go together, and only with submission");
        }
        try {
            return Files.readAllBytes(message);
        } catch (IOException e) {
            throw new UsageException("--message file not readable: " + message);
        }
    }

    /** The targets from --url or --host, or {@code null} for discovery. */
    private @Nullable Targets targets(MailProtocol p) {
        if (url != null && host != null) {
            throw new UsageException("give --url or --host, not both");
        }
        if (url != null) {
            MailUrl parsed;
            try {
                parsed = MailUrl.parse(url);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--url: " + e.getMessage());
            }
            if (parsed.protocol() != p) {
                throw new UsageException("--url is a " + parsed.protocol() + " URL, but the command says " + p);
            }
            return Targets.url(parsed);
        }
        if (host != null) {
            if (mode == Mode.race) {
                if (port != null) {
                    throw new UsageException("--port needs --mode implicit or starttls; the race uses both well-known ports");
                }
                return Targets.manual(p, host);
            }
            TransportMode m = mode == Mode.implicit ? TransportMode.IMPLICIT : TransportMode.STARTTLS;
            return Targets.endpoints(p, new Endpoint(p, host, port != null ? port : p.defaultPort(m), m));
        }
        if (resolver == null) {
            throw new UsageException("say where to connect: --url, --host, or --resolver for RFC 6186 discovery");
        }
        return null;
    }
}
