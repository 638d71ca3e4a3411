package io.deepmail.metrics.micrometer;

import static io.deepmail.metrics.micrometer.Fixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.MailConnector;
import io.deepmail.core.connect.ProtocolDialect;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.transport.ExchangeEngine;
import io.deepmail.core.transport.MailConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/** A connect race through {@link MailConnector}: every attempt's outcome, and the failure's reason. */
class RaceMetricsUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMailClientMetricsRecorder recorder = MicrometerMailClientMetricsRecorder.create(registry);

    /** Greeting, STARTTLS when the endpoint asks for it; the session is the connection. */
    private static final class Dialect implements ProtocolDialect<MailConnection> {
        @Override
        public MailProtocol protocol() {
            return MailProtocol.IMAP;
        }

        @Override
        public Mono<MailConnection> establish(MailConnection connection) {
            ExchangeEngine<String, String> engine = Fixture.lineEngine(connection);
            Mono<?> greeting = Fixture.greeting(engine).then();
            if (connection.endpoint().mode() == TransportMode.STARTTLS) {
                greeting = greeting.then(connection.startTls(engine, "a1 STARTTLS\r\n", l -> l.startsWith("a1 "),
                        l -> l.startsWith("a1 OK")));
            }
            return greeting.thenReturn(connection);
        }

        @Override
        public MailConnection connection(MailConnection session) {
            return session;
        }
    }

    @Test
    @DisplayName("SRV-12: an Implicit-TLS attempt with an untrusted certificate fails, the STARTTLS attempt wins")
    void raceOutcomes() throws Exception {
        Credential untrusted = TestPki.unknownRoot().leaf().dns(Fixture.HOST).issue();
        Script starttls = Script.builder().send("* OK ready\r\n").expectLine("a1 STARTTLS").send("a1 OK go\r\n")
                .startTls().awaitClose().build();
        try (ScriptedTlsServer implicit = ScriptedTlsServer.builder().credential(untrusted.key(), untrusted.chain())
                .implicitTls().script(Script.builder().send("* OK ready\r\n").awaitClose().build()).start();
                ScriptedTlsServer upgrade = ScriptedTlsServer.builder().credential(Fixture.Pki.SERVER.key(),
                        Fixture.Pki.SERVER.chain()).script(starttls).start()) {
            MailConnector connector = MailConnector.create(Fixture.transport(RESOURCES.get(), recorder))
                    .resolver(AddressResolver.of(Map.of(Fixture.HOST, List.of(InetAddress.getLoopbackAddress()))));
            Targets targets = Targets.endpoints(MailProtocol.IMAP,
                    new Endpoint(MailProtocol.IMAP, Fixture.HOST, implicit.port(), TransportMode.IMPLICIT),
                    new Endpoint(MailProtocol.IMAP, Fixture.HOST, upgrade.port(), TransportMode.STARTTLS));
            Account alice = Account.builder("alice@example.test")
                    .credentials(() -> Mono.error(new AssertionError("no credentials"))).build();
            MailConnection won = connector.connect(alice, targets, new Dialect()).block(WAIT);
            assertThat(won.endpoint().mode()).isEqualTo(TransportMode.STARTTLS);
            won.close().block(WAIT);
            assertThat(registry.get(MailMeterNames.CONNECT_ATTEMPTS).counters())
                    .extracting(c -> c.getId().getTag("mode") + " " + c.getId().getTag("outcome") + " "
                            + c.getId().getTag("reason") + " " + (int) c.count())
                    .containsExactlyInAnyOrder("implicit failed CertificatePathException 1", "starttls won none 1");
            assertThat(fallbacks()).containsExactly("imap implicit starttls preferred_failed 1");
        }
    }

    private List<String> fallbacks() {
        return registry.find(MailMeterNames.CONNECT_FALLBACKS).counters().stream()
                .map(c -> c.getId().getTag("protocol") + " " + c.getId().getTag("preferred.mode") + " "
                        + c.getId().getTag("mode") + " " + c.getId().getTag("reason") + " " + (int) c.count())
                .toList();
    }

    @Test
    @DisplayName("SRV-12: an Implicit-TLS attempt that never finishes its handshake loses to STARTTLS after the head "
            + "start: a fallback because the preferred mode was slower, and no fallback when the preferred one wins")
    void slowerPreferredIsAFallback() throws Exception {
        Script starttls = Script.builder().send("* OK ready\r\n").expectLine("a1 STARTTLS").send("a1 OK go\r\n")
                .startTls().awaitClose().build();
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
                ScriptedTlsServer upgrade = ScriptedTlsServer.builder().credential(Fixture.Pki.SERVER.key(),
                        Fixture.Pki.SERVER.chain()).script(starttls).start()) {
            MailConnector connector = MailConnector.create(Fixture.transport(RESOURCES.get(), recorder))
                    .resolver(AddressResolver.of(Map.of(Fixture.HOST, List.of(InetAddress.getLoopbackAddress()))));
            Targets targets = Targets.endpoints(MailProtocol.IMAP,
                    new Endpoint(MailProtocol.IMAP, Fixture.HOST, silent.getLocalPort(), TransportMode.IMPLICIT),
                    new Endpoint(MailProtocol.IMAP, Fixture.HOST, upgrade.port(), TransportMode.STARTTLS));
            Account alice = Account.builder("alice@example.test")
                    .credentials(() -> Mono.error(new AssertionError("no credentials"))).build();
            MailConnection won = connector.connect(alice, targets, new Dialect()).block(WAIT);
            assertThat(won.endpoint().mode()).isEqualTo(TransportMode.STARTTLS);
            won.close().block(WAIT);
            Fixture.await("the cancelled attempt recorded", () -> registry.find(MailMeterNames.CONNECT_ATTEMPTS)
                    .tag("outcome", "cancelled").counter() != null);
            assertThat(fallbacks()).containsExactly("imap implicit starttls preferred_slower 1");
        }
        Script implicitOnly = Script.builder().send("* OK ready\r\n").awaitClose().build();
        try (ScriptedTlsServer implicit = ScriptedTlsServer.builder().credential(Fixture.Pki.SERVER.key(),
                Fixture.Pki.SERVER.chain()).implicitTls().script(implicitOnly).start()) {
            MailConnector connector = MailConnector.create(Fixture.transport(RESOURCES.get(), recorder))
                    .resolver(AddressResolver.of(Map.of(Fixture.HOST, List.of(InetAddress.getLoopbackAddress()))));
            Account bob = Account.builder("bob@example.test")
                    .credentials(() -> Mono.error(new AssertionError("no credentials"))).build();
            MailConnection won = connector.connect(bob, Targets.endpoints(MailProtocol.IMAP,
                    new Endpoint(MailProtocol.IMAP, Fixture.HOST, implicit.port(), TransportMode.IMPLICIT)),
                    new Dialect()).block(WAIT);
            won.close().block(WAIT);
            assertThat(fallbacks()).containsExactly("imap implicit starttls preferred_slower 1");
        }
    }
}
