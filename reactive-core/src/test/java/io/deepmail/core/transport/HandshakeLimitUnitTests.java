package io.deepmail.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsProviderPreference;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * B5: the bound on TLS handshakes in flight, on real connections to a loopback server that
 * accepts TCP and never answers the ClientHello, so every handshake stays in flight.
 */
class HandshakeLimitUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();
    private static final TestCa CA = TestPki.rsa();
    private static final Credential SERVER = CA.leaf().dns(TransportFixture.HOST).issue();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private ServerSocket silent;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private Thread acceptor;

    @BeforeEach
    void startSilentServer() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws Exception {
        silent.close();
        for (Socket s : accepted) {
            s.close();
        }
        acceptor.join(WAIT.toMillis());
    }

    private MailTransport transport(MailResources resources) {
        return TransportFixture.transport(resources, CA, TlsProviderPreference.JDK)
                .timeouts(TimeoutOptions.builder().connect(Duration.ofMillis(300)).handshake(WAIT).build());
    }

    private ConnectRequest request() {
        return ConnectRequest.manual(new Endpoint(MailProtocol.IMAP, TransportFixture.HOST, silent.getLocalPort(),
                TransportMode.IMPLICIT)).withAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                silent.getLocalPort()));
    }

    private void awaitAccepted(int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (accepted.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(accepted).hasSize(n);
    }

    @Test
    @DisplayName("B5: with one slot, a second Implicit TLS connection does not even dial while the first handshakes, "
            + "times out typed after its connect timeout, and dials once the first is cancelled")
    void secondConnectionWaitsForTheSlot() throws Exception {
        MailTransport transport = transport(RESOURCES.get().maxHandshakesInFlight(1));
        Disposable first = transport.connect(request()).subscribe(c -> { }, e -> { });
        awaitAccepted(1);

        StepVerifier.create(transport.connect(request()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MailTimeoutException.class)
                        .hasMessageContaining("TLS handshake slots"))
                .verify(WAIT);
        Thread.sleep(100);
        assertThat(accepted).as("the waiting connection never opened a socket").hasSize(1);

        first.dispose();
        Disposable third = transport.connect(request()).subscribe(c -> { }, e -> { });
        try {
            awaitAccepted(2);
        } finally {
            third.dispose();
        }
    }

    @Test
    @DisplayName("B5: without a bound, both handshakes are in flight at once")
    void unboundedDialsBoth() throws Exception {
        MailTransport transport = transport(RESOURCES.get().maxHandshakesInFlight(0));
        Disposable a = transport.connect(request()).subscribe(c -> { }, e -> { });
        Disposable b = transport.connect(request()).subscribe(c -> { }, e -> { });
        try {
            awaitAccepted(2);
        } finally {
            a.dispose();
            b.dispose();
        }
    }

    /** Greeting, then STARTTLS; emits the negotiated protocol and closes. */
    private static Mono<String> startTls(MailTransport transport, ScriptedTlsServer server) {
        return transport.connect(TransportFixture.request(server, TransportMode.STARTTLS)).flatMap(connection -> {
            ExchangeEngine<String, String> engine = TransportFixture.lineEngine(connection);
            return engine.exchange(Flux.<String>empty(), l -> true)
                    .then(connection.startTls(engine, "a1 STARTTLS\r\n", l -> l.startsWith("a1 "),
                            l -> l.startsWith("a1 OK")))
                    .flatMap(security -> connection.close().thenReturn(security.tlsVersion()));
        });
    }

    @Test
    @DisplayName("B5/TLS-10: a STARTTLS connection takes its slot before sending STARTTLS: while none is free it "
            + "sends nothing, fails typed, and succeeds once the slot is back")
    void startTlsWaitsBeforeSendingTheCommand() throws Exception {
        MailTransport transport = transport(RESOURCES.get().maxHandshakesInFlight(1));
        Script script = Script.builder().send("* OK ready\r\n").expectLine("a1 STARTTLS").send("a1 OK begin\r\n")
                .startTls().awaitClose().build();
        Disposable holder = transport.connect(request()).subscribe(c -> { }, e -> { });
        awaitAccepted(1);
        try (ScriptedTlsServer blocked = ScriptedTlsServer.builder().credential(SERVER.key(), SERVER.chain())
                .script(script).start()) {
            StepVerifier.create(startTls(transport, blocked))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MailTimeoutException.class)
                            .hasMessageContaining("TLS handshake slots"))
                    .verify(WAIT);
            ScriptedConnection seen = blocked.awaitConnection(0, WAIT);
            seen.awaitClosed(WAIT);
            assertThat(seen.cleartextReceivedText()).isEmpty();
        }
        holder.dispose();
        try (ScriptedTlsServer free = ScriptedTlsServer.builder().credential(SERVER.key(), SERVER.chain())
                .script(script).start()) {
            assertThat(startTls(transport, free).block(WAIT)).startsWith("TLSv1.");
            assertThat(free.awaitScriptDone(WAIT).cleartextReceivedText()).isEqualTo("a1 STARTTLS\r\n");
        }
    }
}
