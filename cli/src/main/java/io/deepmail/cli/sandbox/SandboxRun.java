package io.deepmail.cli.sandbox;

import io.deepmail.cli.ClientKit;
import io.deepmail.cli.ExitCode;
import io.deepmail.cli.Failures;
import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.discovery.DiscoveryCandidate;
import io.deepmail.core.discovery.DiscoveryResult;
import io.deepmail.core.latch.EndpointLatches;
import io.deepmail.core.latch.LatchEvent;
import io.deepmail.core.latch.LatchService;
import io.deepmail.core.latch.TagState;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.imap.ImapSession;
import io.deepmail.imap.MailboxState;
import io.deepmail.imap.response.FetchData;
import io.deepmail.pop3.Pop3Session;
import io.deepmail.pop3.Pop3Stat;
import io.deepmail.sandbox.Sandbox;
import io.deepmail.submission.Envelope;
import io.deepmail.submission.SubmissionResult;
import io.deepmail.submission.SubmissionSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The sandbox demonstration: RFC 6186 discovery through the sandbox's DNS, every endpoint connected
 * on its own (TLSA, DANE or PKIX and the identity check, tags, level, provisional latches), mail over
 * the Implicit-TLS-versus-STARTTLS race (an IMAP fetch, a POP3 retrieval, a submission checked on the
 * server), the latches confirmed and a second run admitted under them, and a STARTTLS-stripping
 * server refused before any credential. Each step's expectations are checked, not assumed.
 */
public final class SandboxRun {

    private static final Duration WAIT = ClientKit.WAIT;
    private static final MailProtocol[] PROTOCOLS = {MailProtocol.IMAP, MailProtocol.POP3, MailProtocol.SUBMISSION};

    private final Sandbox sandbox;
    private final ClientKit kit;
    private final LatchService latches;
    private final PrintWriter out;
    private final Checks checks;
    private final Account account;

    /**
     * Prepares a run.
     *
     * @param sandbox the running sandbox
     * @param kit a kit on the sandbox's DNS server, trust anchors and latch store
     * @param out where the report goes
     */
    public SandboxRun(Sandbox sandbox, ClientKit kit, PrintWriter out) {
        this.sandbox = sandbox;
        this.kit = kit;
        this.latches = Objects.requireNonNull(kit.latches(), "the kit needs the sandbox latch store");
        this.out = out;
        this.checks = new Checks(out);
        this.account = Account.builder(sandbox.user())
                .credentials(CredentialsProvider.of(new Credentials.Password(sandbox.user(), sandbox.password())))
                .build();
    }

    /**
     * Runs every step and prints the report.
     *
     * @return {@link ExitCode#OK} if every expectation held, else {@link ExitCode#FAILURE}
     */
    public ExitCode run() {
        heading("deepmail sandbox");
        out.printf("  domain %s, DNS 127.0.0.1:%d (trusted, answers AD), user %s%n", sandbox.domain(),
                sandbox.dnsServer().getPort(), sandbox.user());
        out.printf("  TLS provider %s, latch store embedded, fault %s%n", kit.transport().tlsProvider(),
                sandbox.options().fault());
        DiscoveryResult discovered = step("1. RFC 6186 discovery", this::discover);
        if (discovered != null) {
            step("2. Every endpoint on its own, first run (latches become PROVISIONAL)", () -> eachEndpoint(discovered));
            step("3. Mail over the Implicit TLS / STARTTLS race", () -> mail(discovered));
            step("4. Latches confirmed (PROVISIONAL -> NORMAL)", this::confirm);
            step("5. Second run: the race again, admitted under NORMAL latches", () -> secondRun(discovered));
        }
        step("6. Downgrade: a server that strips STARTTLS", this::downgrade);
        step("7. Metrics recorded (Micrometer, SimpleMeterRegistry)", this::metrics);
        heading("Result");
        List<String> failed = checks.failed();
        if (!failed.isEmpty()) {
            sandbox.scriptedServerProblems().forEach(p -> out.println("  scripted server: " + p));
        }
        if (failed.isEmpty()) {
            out.printf("  all %d expectations held: exit 0%n", checks.passed());
            out.flush();
            return ExitCode.OK;
        }
        out.printf("  %d of %d expectations FAILED: exit %d%n", failed.size(), failed.size() + checks.passed(),
                ExitCode.FAILURE.code());
        failed.forEach(f -> out.println("   - " + f));
        out.flush();
        return ExitCode.FAILURE;
    }

    private <T> T step(String title, Callable<T> body) {
        heading(title);
        try {
            return body.call();
        } catch (Exception e) {
            checks.expect(false, title + " completes", Failures.describe(e));
            return null;
        }
    }

    private void heading(String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }

    private DiscoveryResult discover() {
        DiscoveryResult result = kit.discovery().discover(account.address()).block(WAIT);
        Objects.requireNonNull(result, "discovery");
        for (MailProtocol protocol : PROTOCOLS) {
            List<DiscoveryCandidate> candidates = result.candidates(protocol);
            candidates.forEach(c -> out.printf("  %-11s %-9s %s:%d  priority %d  %s%n", c.label(), c.mode(), c.host(),
                    c.port(), c.priority(), c.trust()));
            checks.expect(candidates.size() == 2 && candidates.get(0).mode() == TransportMode.IMPLICIT,
                    protocol + ": two candidates, Implicit TLS first (SRV-10)", candidates.toString());
            checks.expect(candidates.stream().allMatch(c -> c.trust() == DiscoveryTrust.SRV_SECURE
                            && !c.needsConfirmation()),
                    protocol + ": SRV answers DNSSEC-secure, no confirmation needed (SRV-06)", candidates.toString());
            checks.expect(candidates.stream().allMatch(c -> c.endpoint().equals(sandbox.endpoint(protocol, c.mode()))),
                    protocol + ": SRV records carry the servers' real ports", candidates.toString());
        }
        return result;
    }

    private Void eachEndpoint(DiscoveryResult discovered) {
        List<EndpointRow> rows = new ArrayList<>();
        for (MailProtocol protocol : PROTOCOLS) {
            Targets all = Targets.discovered(discovered, protocol);
            for (var candidate : all.candidates()) {
                Endpoint endpoint = candidate.endpoint();
                long start = System.nanoTime();
                try {
                    SessionSecurity s = loginAndLeave(protocol, new Targets(protocol, List.of(candidate)));
                    rows.add(row(s, Duration.ofNanos(System.nanoTime() - start)));
                    expectSession(s, endpoint);
                    EndpointLatches latched = latchesOf(endpoint);
                    checks.expect(s.tags().stream().filter(t -> t != SecurityTag.PFS)
                                    .allMatch(t -> latched.state(t) == TagState.PROVISIONAL),
                            endpoint + ": every tag latched PROVISIONAL after a compliant session (L3, LAT-04)",
                            EndpointRow.latchSummary(latched));
                } catch (RuntimeException e) {
                    checks.expect(false, endpoint + ": connects and logs in", Failures.describe(e));
                }
            }
        }
        Table.print(out, rows);
        return null;
    }

    private void expectSession(SessionSecurity s, Endpoint endpoint) {
        boolean implicit = endpoint.mode() == TransportMode.IMPLICIT;
        checks.expect(s.level() == ConfidentialityLevel.VERIFIED && s.has(SecurityTag.TLS),
                endpoint + ": level 1, TLS " + s.tlsVersion() + " (TAG-01)", s.level() + " " + s.tags());
        checks.expect(s.has(SecurityTag.IMPLICIT) == implicit, endpoint + ": IMPLICIT tag " + (implicit ? "set" : "unset"),
                s.tags().toString());
        AuthenticationMethod expected = expectedAuthentication(endpoint);
        checks.expect(s.authentication() == expected, endpoint + ": server authenticated by " + expected
                + (expected == AuthenticationMethod.DANE_EE ? " (TLSA 3 1 1, DANE-01)" : " and the RFC 7817 name check (ID-01)"),
                s.authentication().name());
    }

    /** DANE-EE where the sandbox publishes TLSA (Implicit TLS); PKIX with the name check on STARTTLS. */
    private static AuthenticationMethod expectedAuthentication(Endpoint endpoint) {
        return endpoint.mode() == TransportMode.IMPLICIT ? AuthenticationMethod.DANE_EE : AuthenticationMethod.PKIX;
    }

    private SessionSecurity loginAndLeave(MailProtocol protocol, Targets targets) {
        return switch (protocol) {
            case IMAP -> kit.imap().connect(account, targets)
                    .flatMap(s -> s.logout().thenReturn(s.security())).block(WAIT);
            case POP3 -> kit.pop3(account, targets)
                    .flatMap(s -> s.authenticate().then(s.quit()).thenReturn(s.security())).block(WAIT);
            case SUBMISSION -> kit.submission().connect(account, targets)
                    .flatMap(s -> s.quit().thenReturn(s.security())).block(WAIT);
        };
    }

    private Void mail(DiscoveryResult discovered) {
        List<EndpointRow> rows = new ArrayList<>();
        long start = System.nanoTime();
        ImapSession imap = Objects.requireNonNull(kit.imap().connect(account).block(WAIT), "imap");
        try {
            expectRaceWinner(imap.security());
            MailboxState inbox = imap.select("INBOX").block(WAIT);
            String subject = imap.fetch("1", false, "ENVELOPE")
                    .doOnNext(r -> ReferenceCountUtil.release(r))
                    .ofType(FetchData.class).next()
                    .map(f -> f.envelope() == null ? "" : String.valueOf(f.envelope().subject())).block(WAIT);
            checks.expect(inbox != null && inbox.exists() >= 1 && sandbox.seededSubject().equals(subject),
                    "IMAP: logged in, SELECT INBOX, FETCH 1 ENVELOPE is the seeded message",
                    (inbox == null ? "no INBOX" : inbox.exists() + " messages") + ", subject " + subject);
            rows.add(row(imap.security(), Duration.ofNanos(System.nanoTime() - start)));
        } finally {
            imap.logout().onErrorResume(e -> Mono.empty()).block(WAIT);
        }

        start = System.nanoTime();
        Pop3Session pop3 = Objects.requireNonNull(kit.pop3(account, Targets.discovered(discovered, MailProtocol.POP3))
                .block(WAIT), "pop3");
        try {
            expectRaceWinner(pop3.security());
            pop3.authenticate().block(WAIT);
            Pop3Stat stat = pop3.stat().block(WAIT);
            String message = pop3.retr(1).reduce(new StringBuilder(), (b, buf) -> {
                try {
                    return b.append(buf.toString(StandardCharsets.UTF_8));
                } finally {
                    buf.release();
                }
            }).map(StringBuilder::toString).block(WAIT);
            checks.expect(stat != null && stat.count() >= 1 && message != null
                            && message.contains("Subject: " + sandbox.seededSubject()),
                    "POP3: logged in, STAT, RETR 1 is the seeded message",
                    (stat == null ? "no STAT" : stat.count() + " messages") + ", "
                            + (message == null ? 0 : message.length()) + " octets");
            rows.add(row(pop3.security(), Duration.ofNanos(System.nanoTime() - start)));
        } finally {
            pop3.quit().onErrorResume(e -> Mono.empty()).block(WAIT);
        }

        start = System.nanoTime();
        String subject = "deepmail sandbox submission " + Long.toHexString(System.nanoTime());
        SubmissionSession smtp = Objects.requireNonNull(kit.submission()
                .connect(account, Targets.discovered(discovered, MailProtocol.SUBMISSION)).block(WAIT), "submission");
        try {
            expectRaceWinner(smtp.security());
            byte[] body = ("From: " + sandbox.user() + "\r\nTo: " + sandbox.user() + "\r\nSubject: " + subject
                    + "\r\n\r\nSent through the deepmail Submission client.\r\n").getBytes(StandardCharsets.US_ASCII);
            Flux<ByteBuf> content = Flux.defer(() -> Flux.just(Unpooled.wrappedBuffer(body)));
            SubmissionResult result = smtp.send(Envelope.of(sandbox.user(), sandbox.user()), content).block(WAIT);
            checks.expect(result != null && result.accepted().size() == 1, "Submission: logged in, message accepted",
                    String.valueOf(result));
            checks.expect(sandbox.receivedWithSubject(subject) == 1, "Submission: the server received it exactly once",
                    sandbox.receivedWithSubject(subject) + " copies");
            rows.add(row(smtp.security(), Duration.ofNanos(System.nanoTime() - start)));
        } finally {
            smtp.quit().onErrorResume(e -> Mono.empty()).block(WAIT);
        }
        Table.print(out, rows);
        return null;
    }

    private void expectRaceWinner(SessionSecurity s) {
        checks.expect(s.endpoint().mode() == TransportMode.IMPLICIT && s.level() == ConfidentialityLevel.VERIFIED,
                s.endpoint().protocol() + ": the race picked Implicit TLS at level 1 (SRV-12)",
                s.endpoint().mode() + " level " + s.level().value());
    }

    private Void confirm() {
        for (Endpoint endpoint : sandbox.endpoints()) {
            latches.confirm(account, endpoint).block(WAIT);
            EndpointLatches latched = latchesOf(endpoint);
            out.printf("  %-30s %s%n", endpoint.protocol() + " " + endpoint.host() + ":" + endpoint.port(),
                    EndpointRow.latchSummary(latched));
            checks.expect(latched.state(SecurityTag.TLS) == TagState.NORMAL
                            && latched.tags().entrySet().stream().filter(e -> e.getKey() != SecurityTag.PFS)
                                    .allMatch(e -> e.getValue().state() != TagState.PROVISIONAL),
                    endpoint + ": confirmed latches are NORMAL (L4a, LAT-05)", EndpointRow.latchSummary(latched));
        }
        return null;
    }

    private Void secondRun(DiscoveryResult discovered) {
        int violationsBefore = violations();
        List<EndpointRow> rows = new ArrayList<>();
        for (MailProtocol protocol : PROTOCOLS) {
            long start = System.nanoTime();
            SessionSecurity s = loginAndLeave(protocol, Targets.discovered(discovered, protocol));
            rows.add(row(s, Duration.ofNanos(System.nanoTime() - start)));
            EndpointLatches latched = latchesOf(s.endpoint());
            checks.expect(s.endpoint().mode() == TransportMode.IMPLICIT && latched.state(SecurityTag.TLS) == TagState.NORMAL
                            && latched.state(s.has(SecurityTag.CERT_DANE) ? SecurityTag.CERT_DANE : SecurityTag.CERT_PKIX)
                                    == TagState.NORMAL,
                    protocol + ": admitted on Implicit TLS against NORMAL latches (L6, L7)",
                    s.endpoint().mode() + " " + EndpointRow.latchSummary(latched));
        }
        checks.expect(violations() == violationsBefore, "no latch violation in the second run",
                (violations() - violationsBefore) + " violations");
        Table.print(out, rows);
        return null;
    }

    private Void downgrade() {
        Endpoint stripping = sandbox.strippingEndpoint();
        out.printf("  connecting to %s (STARTTLS required), whose server does not offer STARTTLS%n", stripping);
        Throwable failure = null;
        try {
            ImapSession s = kit.imap().connect(account, Targets.endpoints(MailProtocol.IMAP, stripping)).block(WAIT);
            if (s != null) {
                s.close().block(WAIT);
            }
        } catch (RuntimeException e) {
            failure = Failures.unwrap(e);
        }
        Throwable refused = failure;
        out.println("  refused: " + (refused == null ? "NOT REFUSED" : Failures.describe(refused)));
        boolean typed = refused instanceof StartTlsUnavailableException
                || refused != null && Failures.classify(refused, false) == ExitCode.TLS_POLICY
                        && String.valueOf(refused.getMessage()).contains("STARTTLS");
        checks.expect(typed, "the stripped session is refused as a TLS policy failure (TLS-15)",
                refused == null ? "connected" : Failures.describe(refused));
        List<String> lines = sandbox.strippingServerLines();
        out.println("  the stripping server read: " + lines);
        checks.expect(lines.stream().noneMatch(l -> l.contains("LOGIN") || l.contains("AUTHENTICATE")
                        || l.contains(sandbox.password())),
                "no credential reached the stripping server (TLS-09, L6)", lines.toString());
        return null;
    }

    private Void metrics() {
        int shown = MetricsReport.print(out, kit.registry());
        checks.expect(shown > 0 && kit.registry().getMeters().stream().anyMatch(m -> m.getId().getName().startsWith("mail.")),
                "the Micrometer recorder recorded the run", shown + " meters with values");
        checks.expect(kit.log().securityEvents().size() >= 9, "one session-security event per TLS session (TAG-07)",
                kit.log().securityEvents().size() + " events");
        return null;
    }

    private int violations() {
        return (int) kit.log().latchEvents().stream().filter(e -> e instanceof LatchEvent.Violated).count();
    }

    private EndpointLatches latchesOf(Endpoint endpoint) {
        return Objects.requireNonNull(latches.state(account).block(WAIT), "latch state").endpoint(endpoint);
    }

    private EndpointRow row(SessionSecurity s, Duration total) {
        return EndpointRow.of(s, kit.log().last(s.endpoint()).orElse(null), latchesOf(s.endpoint()), total);
    }
}
