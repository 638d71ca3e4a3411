package io.deepmail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailClientException;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.CandidatesExhaustedException;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import reactor.test.StepVerifier;

/** Scripted IMAP servers on loopback and a client that trusts their test CA. */
final class ScriptedSessions {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final String HOST = "mail.example.test";
    static final TestCa CA = TestPki.rsa();
    static final Credential GOOD = CA.leaf().dns(HOST).issue();
    static final Account ALICE = Account.builder("alice@example.test")
            .credentials(CredentialsProvider.of(new Credentials.Password("alice", "s3cret"))).build();
    static final String PLAIN_IR = Base64.getEncoder()
            .encodeToString("\0alice\0s3cret".getBytes(StandardCharsets.UTF_8));

    private ScriptedSessions() {
    }

    static ScriptedTlsServer implicit(Script script) throws Exception {
        return ScriptedTlsServer.builder().credential(GOOD.key(), GOOD.chain()).implicitTls().script(script).start();
    }

    static ScriptedTlsServer startTls(Script script) throws Exception {
        return ScriptedTlsServer.builder().credential(GOOD.key(), GOOD.chain()).script(script).start();
    }

    static ImapClient client(MailResourcesExtension resources) throws Exception {
        MailTransport transport = MailTransport.create(resources.get())
                .tls(TlsOptions.builder().trustAnchors(TrustAnchors.of(CA.certificate())).build());
        return ImapClient.create(transport)
                .resolver(AddressResolver.of(Map.of(HOST, List.of(InetAddress.getByName("127.0.0.1")))));
    }

    static Targets targets(ScriptedTlsServer server, TransportMode mode) {
        return Targets.endpoints(MailProtocol.IMAP, new Endpoint(MailProtocol.IMAP, HOST, server.port(), mode));
    }

    /** A server greeting with {@code capabilities} that accepts ALICE's AUTHENTICATE PLAIN as tag A1. */
    static Script.Builder authenticated(String capabilities) {
        return Script.builder().send("* OK [CAPABILITY " + capabilities + "] ready\r\n")
                .expectLine("A1 AUTHENTICATE PLAIN " + PLAIN_IR)
                .send("A1 OK [CAPABILITY " + capabilities + "] done\r\n");
    }

    /** ALICE's authenticated session on an Implicit TLS scripted server. */
    static ImapSession connectImplicit(MailResourcesExtension resources, ScriptedTlsServer server) throws Exception {
        return client(resources).connect(ALICE, targets(server, TransportMode.IMPLICIT)).block(WAIT);
    }

    /**
     * Asserts the TLS-09 transcript: in cleartext the server received nothing but CAPABILITY and
     * STARTTLS commands, so no credential byte went out before TLS. A server that never starts its
     * side of TLS records the client's ClientHello as cleartext: a TLS handshake record (0x16 0x03)
     * after the STARTTLS line is allowed.
     */
    static void cleartextClean(ScriptedConnection connection) {
        String clear = connection.cleartextReceivedText();
        int hello = clear.indexOf("\u0016\u0003");
        assertThat(hello < 0 ? clear : clear.substring(0, hello)).as("cleartext: only CAPABILITY and STARTTLS (TLS-09)")
                .matches("(A[0-9]+ (CAPABILITY|STARTTLS)\\r\\n)*");
    }

    /** As {@link #cleartextClean}, and no credential byte reached the server inside TLS either. */
    static void noCredentials(ScriptedConnection connection) {
        cleartextClean(connection);
        assertThat(connection.cleartextReceivedText() + connection.tlsReceivedText()).as("no credential byte")
                .doesNotContain("LOGIN", "AUTHENTICATE", "s3cret", PLAIN_IR);
    }

    /**
     * Connects to {@code server}'s single endpoint, expecting a failure within {@link #WAIT} (no
     * hang), and returns its typed reason after checking that no credential reached the server.
     */
    static MailClientException connectFails(ImapClient client, ScriptedTlsServer server, TransportMode mode) {
        Throwable failure = failure(client.connect(ALICE, targets(server, mode)));
        ScriptedConnection connection = server.awaitConnection(0, WAIT);
        connection.awaitClosed(WAIT);
        noCredentials(connection);
        return reason(failure);
    }

    /**
     * The error {@code publisher} ends with, within {@link #WAIT}; the caller asserts on it on its
     * own thread (an assertion on the event loop could trip BlockHound).
     */
    static Throwable failure(Publisher<?> publisher) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        StepVerifier.create(publisher).expectErrorSatisfies(failure::set).verify(WAIT);
        return failure.get();
    }

    /** The typed reason of a single-candidate connect failure. */
    static MailClientException reason(Throwable failure) {
        if (failure instanceof CandidatesExhaustedException e) {
            return e.failures().get(0).reason();
        }
        return (MailClientException) failure;
    }
}
