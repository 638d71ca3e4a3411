package io.deepmail.core.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.CertificateIdentityException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.metrics.AttemptOutcome;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/** The race against scripted servers on loopback (SRV-12, SRV-05, TLS-07). */
class MailConnectorUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String HOST = "mail.example.test";
    private static final TestCa CA = TestPki.rsa();
    private static final Credential GOOD = CA.leaf().dns(HOST).issue();
    private static final Credential WRONG_HOST = CA.leaf().dns("elsewhere.example.test").issue();
    private static final Account ALICE = Account.builder("alice@example.test")
            .credentials(CredentialsProvider.of(new Credentials.Password("alice", "secret"))).build();

    private final List<String> outcomes = new CopyOnWriteArrayList<>();

    private MailConnector connector(Duration headStart, List<InetAddress> addresses) {
        MailClientMetricsRecorder recorder = new MailClientMetricsRecorder() {
            @Override
            public void recordConnectAttempt(Endpoint endpoint, AttemptOutcome outcome, @Nullable Throwable failure) {
                outcomes.add(endpoint.mode() + ":" + outcome);
            }
        };
        MailTransport transport = MailTransport.create(RESOURCES.get()).metrics(recorder)
                .tls(TlsOptions.builder().trustAnchors(TrustAnchors.of(CA.certificate())).build());
        return MailConnector.create(transport).options(ConnectOptions.defaults().withHeadStart(headStart))
                .resolver(AddressResolver.of(Map.of(HOST, addresses)));
    }

    private static List<InetAddress> v4() throws Exception {
        return List.of(InetAddress.getByName("127.0.0.1"));
    }

    private static Targets targets(int implicitPort, int startTlsPort) {
        return Targets.endpoints(MailProtocol.IMAP, new Endpoint(MailProtocol.IMAP, HOST, implicitPort,
                TransportMode.IMPLICIT), new Endpoint(MailProtocol.IMAP, HOST, startTlsPort, TransportMode.STARTTLS));
    }

    @Test
    @DisplayName("SRV-12: a healthy preferred endpoint wins and no second attempt is made")
    void preferredHealthy() throws Exception {
        try (ScriptedTlsServer implicit = ConnectorServers.implicit(GOOD);
                ScriptedTlsServer startTls = ConnectorServers.startTls(GOOD)) {
            TestDialect.Session session = connector(Duration.ofSeconds(5), v4())
                    .connect(ALICE, targets(implicit.port(), startTls.port()), new TestDialect()).block(WAIT);
            assertThat(session.connection().endpoint().mode()).isEqualTo(TransportMode.IMPLICIT);
            assertThat(session.capabilities()).contains("* CAPABILITY IMAP4rev2 AUTH=PLAIN");
            session.connection().close().block(WAIT);
            assertThat(implicit.connections()).hasSize(1);
            assertThat(startTls.connections()).isEmpty();
            assertThat(outcomes).containsExactly("IMPLICIT:WON");
        }
    }

    @Test
    @DisplayName("SRV-12: a blackholed preferred endpoint is overtaken by STARTTLS and cancelled cleanly")
    void preferredBlackholed() throws Exception {
        try (ConnectorServers.Blackhole blackhole = new ConnectorServers.Blackhole();
                ScriptedTlsServer startTls = ConnectorServers.startTls(GOOD)) {
            TestDialect.Session session = connector(Duration.ofMillis(200), v4())
                    .connect(ALICE, targets(blackhole.port(), startTls.port()), new TestDialect()).block(WAIT);
            assertThat(session.connection().endpoint().mode()).isEqualTo(TransportMode.STARTTLS);
            assertThat(session.connection().security().orElseThrow().tags()).contains(SecurityTag.TLS,
                    SecurityTag.CERT_PKIX);
            assertThat(session.capabilities()).containsExactly("* CAPABILITY IMAP4rev2 AUTH=PLAIN", "a3 OK");
            session.connection().close().block(WAIT);
            assertThat(outcomes).containsExactlyInAnyOrder("STARTTLS:WON", "IMPLICIT:CANCELLED");
        }
    }

    @Test
    @DisplayName("TLS-07: a preferred endpoint failing its certificate yields to a STARTTLS endpoint that passes")
    void preferredFailsCertificate() throws Exception {
        try (ScriptedTlsServer implicit = ConnectorServers.implicit(WRONG_HOST);
                ScriptedTlsServer startTls = ConnectorServers.startTls(GOOD)) {
            TestDialect.Session session = connector(Duration.ofSeconds(5), v4())
                    .connect(ALICE, targets(implicit.port(), startTls.port()), new TestDialect()).block(WAIT);
            assertThat(session.connection().endpoint().mode()).isEqualTo(TransportMode.STARTTLS);
            session.connection().close().block(WAIT);
            assertThat(outcomes).containsExactly("IMPLICIT:FAILED", "STARTTLS:WON");
        }
    }

    @Test
    @DisplayName("TLS-07: when both endpoints fail their certificate, the error lists each and nothing weaker is tried")
    void bothFail() throws Exception {
        try (ScriptedTlsServer implicit = ConnectorServers.implicit(WRONG_HOST);
                ScriptedTlsServer startTls = ConnectorServers.startTls(WRONG_HOST)) {
            Targets targets = new Targets(MailProtocol.IMAP, List.of(
                    Candidate.configured(new Endpoint(MailProtocol.IMAP, HOST, implicit.port(), TransportMode.IMPLICIT)),
                    Candidate.configured(new Endpoint(MailProtocol.IMAP, HOST, startTls.port(), TransportMode.STARTTLS)),
                    Candidate.configured(new Endpoint(MailProtocol.IMAP, HOST, startTls.port(),
                            TransportMode.PLAINTEXT))));
            connector(Duration.ofMillis(100), v4()).connect(ALICE, targets, new TestDialect())
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(CandidatesExhaustedException.class);
                        assertThat(((CandidatesExhaustedException) e).failures()).hasSize(2)
                                .allSatisfy(f -> assertThat(f.reason()).isInstanceOf(CertificateIdentityException.class));
                    })
                    .verify(WAIT);
            assertThat(startTls.connections()).as("the cleartext candidate was never tried").hasSize(1);
            assertThat(startTls.awaitConnection(0, WAIT).tlsReceived()).isEmpty();
        }
    }

    @Test
    @DisplayName("SRV-12: both families are tried, IPv6 on ::1 first, then IPv4 on 127.0.0.1")
    void mixedFamilies() throws Exception {
        try (ScriptedTlsServer implicit = ConnectorServers.implicit(GOOD)) {
            List<InetAddress> both = List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
            TestDialect.Session session = connector(Duration.ofSeconds(5), both)
                    .connect(ALICE, Targets.endpoints(MailProtocol.IMAP, new Endpoint(MailProtocol.IMAP, HOST,
                            implicit.port(), TransportMode.IMPLICIT)), new TestDialect()).block(WAIT);
            assertThat(session.connection().remoteAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            session.connection().close().block(WAIT);
            assertThat(outcomes).as("::1 has no listener, so it fails first, then 127.0.0.1 wins")
                    .containsExactly("IMPLICIT:FAILED", "IMPLICIT:WON");
        }
    }

    @Test
    @DisplayName("cancelling the connect mid-race closes every attempt")
    void cancelClosesAll() throws Exception {
        try (ConnectorServers.Blackhole blackhole = new ConnectorServers.Blackhole();
                ScriptedTlsServer silent = ScriptedTlsServer.builder().credential(GOOD.key(), GOOD.chain())
                        .script(io.deepmail.core.testkit.Script.builder().timeout(Duration.ofSeconds(20))
                                .awaitClose().build()).start()) {
            Disposable race = connector(Duration.ofMillis(100), v4())
                    .connect(ALICE, targets(blackhole.port(), silent.port()), new TestDialect())
                    .subscribe(s -> { }, e -> { });
            var seen = silent.awaitConnection(0, WAIT);
            race.dispose();
            seen.awaitClosed(WAIT);
            assertThat(outcomes).containsExactlyInAnyOrder("IMPLICIT:CANCELLED", "STARTTLS:CANCELLED");
        }
    }

    @Test
    @DisplayName("LAT-07/L5: with a NORMAL certificate latch, a cleartext candidate is refused before credentials and the race ends")
    void normalLatchEndsRace() throws Exception {
        io.deepmail.core.latch.LatchService latches = io.deepmail.core.latch.LatchService.create(
                io.deepmail.core.latch.LatchStores.inMemory());
        Account.Builder edit = ALICE.mutate();
        edit.lowerMinimumLevel(io.deepmail.core.security.ConfidentialityLevel.NONE);
        Account levelZero = edit.cleartextConsent(true).build();
        try (ScriptedTlsServer implicit = ConnectorServers.implicit(GOOD);
                ScriptedTlsServer cleartext = ConnectorServers.cleartext(GOOD)) {
            Endpoint implicitEndpoint = new Endpoint(MailProtocol.IMAP, HOST, implicit.port(), TransportMode.IMPLICIT);
            MailConnector connector = connector(Duration.ofSeconds(5), v4()).latches(latches);
            TestDialect.Session first = connector.connect(levelZero, Targets.endpoints(MailProtocol.IMAP,
                    implicitEndpoint), new TestDialect()).block(WAIT);
            first.connection().close().block(WAIT);
            latches.confirm(levelZero, implicitEndpoint).block(WAIT);

            Targets cleartextFirst = new Targets(MailProtocol.IMAP, List.of(
                    new Candidate(new Endpoint(MailProtocol.IMAP, HOST, cleartext.port(), TransportMode.PLAINTEXT),
                            io.deepmail.core.tls.ReferenceIdentifiers.forManualHost(HOST),
                            io.deepmail.core.security.DiscoveryTrust.MANUAL, 0),
                    new Candidate(implicitEndpoint, io.deepmail.core.tls.ReferenceIdentifiers.forManualHost(HOST),
                            io.deepmail.core.security.DiscoveryTrust.MANUAL, 5)));
            outcomes.clear();
            connector.connect(levelZero, cleartextFirst, new TestDialect())
                    .as(StepVerifier::create)
                    .expectError(io.deepmail.core.LatchViolationException.class)
                    .verify(WAIT);
            assertThat(outcomes).containsExactly("PLAINTEXT:FAILED");
            assertThat(implicit.connections()).as("no other candidate was tried").hasSize(1);
            assertThat(cleartext.awaitConnection(0, WAIT).cleartextReceivedText()).isEqualTo("a1 CAPABILITY\r\n");
        }
    }
}
