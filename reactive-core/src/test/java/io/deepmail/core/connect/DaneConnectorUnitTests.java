package io.deepmail.core.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.CertificatePathException;
import io.deepmail.core.DnssecBogusException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnsOptions;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestDnsAnswer;
import io.deepmail.core.testkit.TestDnsRdata;
import io.deepmail.core.testkit.TestDnsServer;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import io.netty.handler.codec.dns.DnsRecordType;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** The DNS half of DANE in the connector, against an in-process DNS server (DANE-01..05, DANE-12). */
class DaneConnectorUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final TestCa UNRELATED = TestPki.ec();
    /** Expired and self-signed: no PKIX path can accept it, only DANE-EE. */
    private static final Credential SELF_SIGNED = TestPki.rsa().leaf().dns("a.example.test", "b.example.test")
            .selfSigned().expired().issue();
    private static final Account ALICE = Account.builder("alice@example.test")
            .credentials(CredentialsProvider.of(new Credentials.Password("alice", "secret"))).build();

    private TestDnsServer dns;
    private DnsLookup lookup;

    @BeforeEach
    void startDns() {
        dns = TestDnsServer.start();
        lookup = DnsLookup.create(RESOURCES.get(), DnsOptions.builder().resolvers(List.of(dns.address())).build());
    }

    @AfterEach
    void stopDns() {
        lookup.dispose();
        dns.close();
    }

    private MailConnector connector() {
        MailTransport transport = MailTransport.create(RESOURCES.get())
                .tls(TlsOptions.builder().trustAnchors(TrustAnchors.of(UNRELATED.certificate())).build());
        return MailConnector.create(transport).dns(lookup).options(ConnectOptions.defaults()
                .withHeadStart(Duration.ofSeconds(5)));
    }

    private static byte[] spkiSha256(Credential c) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(c.leaf().getPublicKey().getEncoded());
    }

    private void host(String name, boolean secure) {
        TestDnsAnswer a = TestDnsAnswer.of(TestDnsRdata.address("127.0.0.1"));
        dns.answer(name, DnsRecordType.A, secure ? a.authenticated() : a);
        dns.answer(name, DnsRecordType.AAAA, secure ? TestDnsAnswer.nodata().authenticated() : TestDnsAnswer.nodata());
    }

    private static Targets implicit(String host, int port) {
        return Targets.endpoints(MailProtocol.IMAP, new Endpoint(MailProtocol.IMAP, host, port, TransportMode.IMPLICIT));
    }

    @Test
    @DisplayName("DANE-01/DANE-05/DANE-12: secure addresses, TLSA at _port._tcp.host, and a 3 1 1 match gives level 1")
    void daneEeThroughTheConnector() throws Exception {
        try (ScriptedTlsServer server = ConnectorServers.implicit(SELF_SIGNED)) {
            String owner = "_" + server.port() + "._tcp.a.example.test";
            host("a.example.test", true);
            dns.answer(owner, DnsRecordType.TLSA,
                    TestDnsAnswer.of(TestDnsRdata.tlsa(3, 1, 1, spkiSha256(SELF_SIGNED))).authenticated());
            TestDialect.Session session = connector().connect(ALICE, implicit("a.example.test", server.port()),
                    new TestDialect()).block(WAIT);
            SessionSecurity security = session.connection().security().orElseThrow();
            assertThat(security.authentication()).isEqualTo(AuthenticationMethod.DANE_EE);
            assertThat(security.tags()).contains(SecurityTag.CERT_DANE).doesNotContain(SecurityTag.CERT_PKIX);
            assertThat(security.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
            assertThat(dns.queries(owner, DnsRecordType.TLSA)).hasSize(1);
            session.connection().close().block(WAIT);
        }
    }

    @Test
    @DisplayName("DANE-02: insecure addresses mean no TLSA query, so PKIX decides (and refuses this certificate)")
    void insecureAddressesNoTlsa() throws Exception {
        try (ScriptedTlsServer server = ConnectorServers.implicit(SELF_SIGNED)) {
            String owner = "_" + server.port() + "._tcp.a.example.test";
            host("a.example.test", false);
            dns.answer(owner, DnsRecordType.TLSA,
                    TestDnsAnswer.of(TestDnsRdata.tlsa(3, 1, 1, spkiSha256(SELF_SIGNED))).authenticated());
            connector().connect(ALICE, implicit("a.example.test", server.port()), new TestDialect())
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(((CandidatesExhaustedException) e).failures())
                            .singleElement().satisfies(f -> assertThat(f.reason())
                                    .isInstanceOf(CertificatePathException.class)))
                    .verify(WAIT);
            assertThat(dns.queries(owner, DnsRecordType.TLSA)).isEmpty();
        }
    }

    @Test
    @DisplayName("DANE-03: a bogus TLSA answer skips that target before TCP; the next target is used")
    void bogusTlsaSkipsTarget() throws Exception {
        try (ScriptedTlsServer first = ConnectorServers.implicit(SELF_SIGNED);
                ScriptedTlsServer second = ConnectorServers.implicit(SELF_SIGNED)) {
            host("a.example.test", true);
            host("b.example.test", true);
            dns.answer("_" + first.port() + "._tcp.a.example.test", DnsRecordType.TLSA,
                    TestDnsAnswer.of(TestDnsRdata.tlsa(3, 1, 1, spkiSha256(SELF_SIGNED))).bogus());
            dns.answer("_" + second.port() + "._tcp.b.example.test", DnsRecordType.TLSA,
                    TestDnsAnswer.of(TestDnsRdata.tlsa(3, 1, 1, spkiSha256(SELF_SIGNED))).authenticated());
            Targets targets = Targets.endpoints(MailProtocol.IMAP,
                    new Endpoint(MailProtocol.IMAP, "a.example.test", first.port(), TransportMode.IMPLICIT),
                    new Endpoint(MailProtocol.IMAP, "b.example.test", second.port(), TransportMode.IMPLICIT));
            TestDialect.Session session = connector().connect(ALICE, targets, new TestDialect()).block(WAIT);
            assertThat(session.connection().endpoint().host()).isEqualTo("b.example.test");
            assertThat(first.connections()).as("no TCP connection to the bogus target").isEmpty();
            session.connection().close().block(WAIT);
        }
    }

    @Test
    @DisplayName("DANE-03: bogus address records skip the target with a DnssecBogusException, never a guess")
    void bogusAddressesSkipTarget() throws Exception {
        try (ScriptedTlsServer server = ConnectorServers.implicit(SELF_SIGNED)) {
            dns.answer("a.example.test", DnsRecordType.A, TestDnsAnswer.of(TestDnsRdata.address("127.0.0.1")).bogus());
            dns.answer("a.example.test", DnsRecordType.AAAA, TestDnsAnswer.nodata().bogus());
            connector().connect(ALICE, implicit("a.example.test", server.port()), new TestDialect())
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(((CandidatesExhaustedException) e).failures())
                            .singleElement().satisfies(f -> assertThat(f.reason())
                                    .isInstanceOf(DnssecBogusException.class)))
                    .verify(WAIT);
            assertThat(server.connections()).isEmpty();
        }
    }

    @Test
    @DisplayName("DANE-13: with CERT_DANE latched NORMAL, a later insecure TLSA answer is a latch violation")
    void strippedDnssecViolatesDaneLatch() throws Exception {
        TestCa ca = TestPki.rsa();
        Credential valid = ca.leaf().dns("a.example.test").issue();
        io.deepmail.core.latch.LatchService latches = io.deepmail.core.latch.LatchService.create(
                io.deepmail.core.latch.LatchStores.inMemory());
        MailConnector connector = MailConnector.create(MailTransport.create(RESOURCES.get())
                        .tls(TlsOptions.builder().trustAnchors(TrustAnchors.of(ca.certificate())).build()))
                .dns(lookup).latches(latches);
        try (ScriptedTlsServer server = ConnectorServers.implicit(valid)) {
            String owner = "_" + server.port() + "._tcp.a.example.test";
            host("a.example.test", true);
            dns.answer(owner, DnsRecordType.TLSA,
                    TestDnsAnswer.of(TestDnsRdata.tlsa(3, 1, 1, spkiSha256(valid))).authenticated());
            TestDialect.Session first = connector.connect(ALICE, implicit("a.example.test", server.port()),
                    new TestDialect()).block(WAIT);
            assertThat(first.connection().security().orElseThrow().tags()).contains(SecurityTag.CERT_DANE);
            first.connection().close().block(WAIT);
            latches.confirm(ALICE, first.connection().endpoint()).block(WAIT);

            // An attacker strips DNSSEC: the same records now come back without AD.
            host("a.example.test", false);
            dns.answer(owner, DnsRecordType.TLSA, TestDnsAnswer.of(TestDnsRdata.tlsa(3, 1, 1, spkiSha256(valid))));
            lookup.dispose();
            lookup = DnsLookup.create(RESOURCES.get(), DnsOptions.builder().resolvers(List.of(dns.address()))
                    .cache(false).build());
            connector.dns(lookup).connect(ALICE, implicit("a.example.test", server.port()), new TestDialect())
                    .as(StepVerifier::create)
                    .expectError(io.deepmail.core.LatchViolationException.class)
                    .verify(WAIT);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "usable TLSA {0}, policy {1}: SNI {2}")
    @org.junit.jupiter.params.provider.CsvSource({
        "true, CONNECT_HOST, mail.provider.test",
        "true, SERVICE_DOMAIN, mail.provider.test",
        "false, CONNECT_HOST, mail.provider.test",
        "false, SERVICE_DOMAIN, example.test"})
    @DisplayName("DANE-10: SNI is the target with usable TLSA; without, the target or, under SERVICE_DOMAIN, the domain")
    void sniPolicy(boolean usableTlsa, SniPolicy policy, String expectedSni) throws Exception {
        TestCa ca = TestPki.rsa();
        Credential cert = ca.leaf().dns("mail.provider.test", "example.test").issue();
        try (ScriptedTlsServer server = ConnectorServers.implicit(cert)) {
            String owner = "_" + server.port() + "._tcp.mail.provider.test";
            host("mail.provider.test", true);
            dns.answer(owner, DnsRecordType.TLSA, usableTlsa
                    ? TestDnsAnswer.of(TestDnsRdata.tlsa(3, 1, 1, spkiSha256(cert))).authenticated()
                    : TestDnsAnswer.nxdomain().authenticated());
            Endpoint endpoint = new Endpoint(MailProtocol.IMAP, "mail.provider.test", server.port(),
                    TransportMode.IMPLICIT);
            Candidate fromSecureSrv = new Candidate(endpoint, io.deepmail.core.tls.ReferenceIdentifiers.forSrv(
                    "example.test", "imaps", "mail.provider.test", io.deepmail.core.security.DiscoveryTrust.SRV_SECURE,
                    false), io.deepmail.core.security.DiscoveryTrust.SRV_SECURE, 0, "example.test");
            MailConnector connector = MailConnector.create(MailTransport.create(RESOURCES.get())
                            .tls(TlsOptions.builder().trustAnchors(TrustAnchors.of(ca.certificate())).build()))
                    .dns(lookup).options(ConnectOptions.defaults().withSniPolicy(policy));
            TestDialect.Session session = connector.connect(ALICE, new Targets(MailProtocol.IMAP,
                    List.of(fromSecureSrv)), new TestDialect()).block(WAIT);
            session.connection().close().block(WAIT);
            assertThat(server.awaitConnection(0, WAIT).sniHostName()).isEqualTo(expectedSni);
        }
    }
}
