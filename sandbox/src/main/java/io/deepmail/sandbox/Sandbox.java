package io.deepmail.sandbox;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.discovery.ServiceLabel;
import io.deepmail.core.latch.LatchStore;
import io.deepmail.core.latch.LatchStores;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestDnsServer;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.sandbox.internal.GreenMailServers;
import io.deepmail.sandbox.internal.SandboxCredential;
import io.deepmail.sandbox.internal.SandboxZone;
import io.deepmail.sandbox.internal.StartTlsServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * A running mail sandbox, everything on {@code 127.0.0.1} and ephemeral ports:
 * <ul>
 *   <li>a DNS server ({@link #dnsServer()}) answering, with AD set, the six RFC 6186 SRV labels of
 *       {@link #domain()} (carrying the servers' real ports), A/AAAA for the target host, and TLSA
 *       DANE-EE {@code 3 1 1} of the servers' key for the Implicit TLS endpoints;</li>
 *   <li>IMAP, POP3 and Submission over Implicit TLS (GreenMail, with the certificate generated at
 *       start and one seeded message) and over STARTTLS (scripted servers of the core test kit);</li>
 *   <li>an IMAP server that strips STARTTLS ({@link #strippingEndpoint()});</li>
 *   <li>an embedded latch store ({@link #latchStore()}).</li>
 * </ul>
 * A client trusts {@link #trustAnchors()} and uses {@link #dnsServer()} as its trusted resolver.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
 *     DnsOptions dns = DnsOptions.builder().resolvers(List.of(sandbox.dnsServer())).build();
 *     // discover sandbox.user() through it, connect, log in with sandbox.password() ...
 * }
 * }</pre>
 *
 * <p>Not a mail server: the STARTTLS servers play one fixed dialogue (capabilities, upgrade, SASL
 * PLAIN, logout). GreenMail loads its TLS key once per JVM, so every sandbox of a JVM shares one
 * certificate.
 *
 * @since 0.1
 */
public final class Sandbox implements AutoCloseable {

    private final SandboxOptions options;
    private final String password;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final Map<ServiceLabel, Endpoint> endpoints = new EnumMap<>(ServiceLabel.class);
    private final List<ScriptedTlsServer> scripted = new java.util.ArrayList<>();
    private @Nullable Path temporaryDirectory;
    private @Nullable TestDnsServer dns;
    private @Nullable GreenMailServers greenMail;
    private @Nullable ScriptedTlsServer stripping;
    private @Nullable LatchStore latches;

    private Sandbox(SandboxOptions options) {
        this.options = options;
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        this.password = HexFormat.of().formatHex(secret);
    }

    /**
     * Starts a sandbox.
     *
     * @param options how
     * @return the running sandbox; close it to stop every server
     */
    public static Sandbox start(SandboxOptions options) {
        Sandbox sandbox = new Sandbox(options);
        try {
            sandbox.startServers();
            return sandbox;
        } catch (RuntimeException | SSLException e) {
            sandbox.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException("cannot start the sandbox", e);
        }
    }

    private void startServers() throws SSLException {
        SandboxCredential pki = SandboxCredential.get();
        Credential credential = pki.credential();
        String host = SandboxZone.target(options.fault());
        GreenMailServers mail = GreenMailServers.start(user(), password);
        resources.push(mail);
        greenMail = mail;
        ScriptedTlsServer imap = own(StartTlsServers.imap(credential, user(), password, options.scriptTimeout()));
        ScriptedTlsServer pop3 = own(StartTlsServers.pop3(credential, user(), password, options.scriptTimeout()));
        ScriptedTlsServer smtp = own(StartTlsServers.submission(credential, user(), password,
                options.scriptTimeout()));
        stripping = own(StartTlsServers.stripping(options.scriptTimeout()));
        endpoints.put(ServiceLabel.IMAPS, new Endpoint(MailProtocol.IMAP, host, mail.imapsPort(),
                TransportMode.IMPLICIT));
        endpoints.put(ServiceLabel.IMAP, new Endpoint(MailProtocol.IMAP, host, imap.port(), TransportMode.STARTTLS));
        endpoints.put(ServiceLabel.POP3S, new Endpoint(MailProtocol.POP3, host, mail.pop3sPort(),
                TransportMode.IMPLICIT));
        endpoints.put(ServiceLabel.POP3, new Endpoint(MailProtocol.POP3, host, pop3.port(), TransportMode.STARTTLS));
        endpoints.put(ServiceLabel.SUBMISSIONS, new Endpoint(MailProtocol.SUBMISSION, host, mail.submissionsPort(),
                TransportMode.IMPLICIT));
        endpoints.put(ServiceLabel.SUBMISSION, new Endpoint(MailProtocol.SUBMISSION, host, smtp.port(),
                TransportMode.STARTTLS));
        TestDnsServer server = TestDnsServer.start();
        resources.push(server);
        dns = server;
        SandboxZone.publish(server, endpoints, credential.leaf(), pki.ca().certificate(), options.fault());
        Path directory = options.latchDirectory();
        try {
            if (directory == null) {
                directory = Files.createTempDirectory("deepmail-sandbox-latches-");
                temporaryDirectory = directory;
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the latch directory", e);
        }
        LatchStore store = LatchStores.embedded(directory.resolve("latches.db"));
        resources.push(store::dispose);
        latches = store;
    }

    private ScriptedTlsServer own(ScriptedTlsServer server) {
        resources.push(server);
        scripted.add(server);
        return server;
    }

    /**
     * The mail domain the sandbox serves.
     *
     * @return {@code sandbox.test}
     */
    public String domain() {
        return SandboxCredential.DOMAIN;
    }

    /**
     * The DNS server to configure as the (trusted, loopback) resolver.
     *
     * @return its address
     */
    public InetSocketAddress dnsServer() {
        return running(dns).address();
    }

    /**
     * The certificate authority that issued the servers' certificate, to trust for PKIX.
     *
     * @return the trust anchors
     */
    public TrustAnchors trustAnchors() {
        return TrustAnchors.of(SandboxCredential.get().ca().certificate());
    }

    /**
     * The sandbox CA certificate in PEM, for a {@code --trust-ca} file.
     *
     * @return the PEM text
     */
    public String trustAnchorPem() {
        return SandboxCredential.get().ca().certificatePem();
    }

    /**
     * The user's address, also the login name on every server.
     *
     * @return {@code alice@sandbox.test}
     */
    public String user() {
        return "alice@" + domain();
    }

    /**
     * The user's password, random per sandbox.
     *
     * @return the password
     */
    public String password() {
        return password;
    }

    /**
     * The endpoint the SRV record of a protocol and mode names, with its real port.
     *
     * @param protocol the protocol
     * @param mode Implicit TLS or STARTTLS
     * @return the endpoint
     */
    public Endpoint endpoint(MailProtocol protocol, TransportMode mode) {
        Endpoint e = endpoints.get(ServiceLabel.of(protocol, mode));
        if (e == null) {
            throw new IllegalArgumentException("the sandbox serves no " + protocol + " over " + mode);
        }
        return e;
    }

    /**
     * Every endpoint published in DNS, in SRV label order.
     *
     * @return the endpoints
     */
    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints.values());
    }

    /**
     * An IMAP endpoint (STARTTLS mode, same host) whose server does not offer STARTTLS, as when an
     * attacker strips it. It is not published in DNS.
     *
     * @return the endpoint
     */
    public Endpoint strippingEndpoint() {
        return new Endpoint(MailProtocol.IMAP, SandboxZone.target(options.fault()), running(stripping).port(),
                TransportMode.STARTTLS);
    }

    /**
     * Every line the stripping server has read, over all its connections: proof of what a client sent.
     *
     * @return the lines, in order
     */
    public List<String> strippingServerLines() {
        return running(stripping).connections().stream().map(ScriptedConnection::linesRead)
                .flatMap(List::stream).toList();
    }

    /**
     * What went wrong on the scripted servers' side so far: one line per connection whose dialogue
     * did not go as scripted (a client that closes a connection early, as a race loser does, shows
     * up here too). For diagnosing a failed run.
     *
     * @return the problems, empty when every scripted dialogue went as planned
     */
    public List<String> scriptedServerProblems() {
        return scripted.stream().flatMap(server -> server.connections().stream()
                .filter(c -> c.failure() != null)
                .map(c -> "127.0.0.1:" + server.port() + " connection " + c.index() + ": "
                        + String.valueOf(c.failure().getMessage()).replace('\n', ' '))).toList();
    }

    /**
     * The embedded latch store; the sandbox disposes it on close.
     *
     * @return the store
     */
    public LatchStore latchStore() {
        return running(latches);
    }

    /**
     * The subject of the message seeded into the user's INBOX (IMAP and POP3).
     *
     * @return the subject
     */
    public String seededSubject() {
        return GreenMailServers.SEEDED_SUBJECT;
    }

    /**
     * How many messages with this subject the Submission server has received.
     *
     * @param subject the subject
     * @return the count
     */
    public long receivedWithSubject(String subject) {
        return running(greenMail).received(subject);
    }

    /**
     * The options the sandbox was started with.
     *
     * @return the options
     */
    public SandboxOptions options() {
        return options;
    }

    private static <T> T running(@Nullable T resource) {
        if (resource == null) {
            throw new IllegalStateException("the sandbox is not running");
        }
        return resource;
    }

    /** Stops every server, disposes the latch store and removes a temporary latch directory. */
    @Override
    public void close() {
        RuntimeException failure = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the sandbox failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        Path temporary = temporaryDirectory;
        if (temporary != null) {
            try (Stream<Path> files = Files.walk(temporary)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                if (failure == null) {
                    failure = new UncheckedIOException(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
