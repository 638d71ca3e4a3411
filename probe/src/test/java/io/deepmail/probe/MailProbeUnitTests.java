package io.deepmail.probe;

import static io.deepmail.probe.ProbeZone.CA;
import static io.deepmail.probe.ProbeZone.GOOD;
import static io.deepmail.probe.ProbeZone.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurityEvent;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestDnsAnswer;
import io.deepmail.core.testkit.TestDnsRdata;
import io.deepmail.core.testkit.TestDnsServer;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TrustAnchors;
import io.netty.handler.codec.dns.DnsRecordType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** {@link MailProbe} against a loopback DNS server and scripted TLS servers. */
class MailProbeUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestDnsServer dns;

    @BeforeEach
    void startDns() {
        dns = TestDnsServer.start();
    }

    @AfterEach
    void stopDns() {
        dns.close();
    }

    private MailProbe probe() {
        return MailProbe.create(RESOURCES.get()).trustedResolver(dns.address())
                .trustAnchors(TrustAnchors.of(CA.certificate())).timeout(Duration.ofSeconds(10));
    }

    private static void noCredentials(ScriptedConnection c) {
        assertThat(c.cleartextReceivedText()).doesNotContain("AUTH", "LOGIN", "USER", "PASS");
        assertThat(c.tlsReceivedText()).doesNotContain("AUTH", "LOGIN", "USER", "PASS");
    }

    @Test
    @DisplayName("SRV-01/SRV-09/TAG-01/TAG-04: a secure Implicit TLS endpoint is SECURE with version, cipher, tags, level 1, no credential")
    void secureImplicitEndpoint() throws Exception {
        try (ScriptedTlsServer server = ProbeZone.imaps(GOOD)) {
            ProbeZone.srv(dns, "imaps", "example.test", HOST, server.port());
            ProbeReport report = probe().report("alice@example.test").block(WAIT);

            assertThat(report.domain()).isEqualTo("example.test");
            assertThat(report.verdict()).isEqualTo(ProbeVerdict.SECURE);
            EndpointProbe p = report.endpoints().get(0);
            assertThat(report.endpoints()).hasSize(1);
            assertThat(p.protocol()).isEqualTo(MailProtocol.IMAP);
            assertThat(p.host()).isEqualTo(HOST);
            assertThat(p.port()).isEqualTo(server.port());
            assertThat(p.mode()).isEqualTo(TransportMode.IMPLICIT);
            assertThat(p.discoveryTrust()).isEqualTo(DiscoveryTrust.SRV_SECURE);
            ScriptedConnection c = server.awaitConnection(0, WAIT);
            assertThat(p.tlsVersion()).isEqualTo(c.protocol());
            assertThat(p.cipher()).isEqualTo(c.cipherSuite());
            assertThat(p.authentication()).isEqualTo(AuthenticationMethod.PKIX);
            assertThat(p.identity()).isEqualTo(IdentityResult.MATCHED);
            assertThat(p.dane()).isEqualTo(DaneResult.NOT_USED);
            assertThat(p.tags()).contains(SecurityTag.TLS, SecurityTag.IMPLICIT, SecurityTag.CERT_PKIX);
            assertThat(p.level()).isEqualTo(1);
            assertThat(p.error()).isNull();
            assertThat(p.verdict()).isEqualTo(ProbeVerdict.SECURE);
            assertThat(p.latencyMillis()).isNotNegative();
            c.awaitClosed(WAIT);
            noCredentials(c);
        }
    }

    @Test
    @DisplayName("DANE-01/DANE-05: a certificate no PKIX path accepts is SECURE through a secure TLSA 3 1 1 record")
    void daneEndpoint() throws Exception {
        Credential selfSigned = TestPki.rsa().leaf().dns(HOST).selfSigned().expired().issue();
        try (ScriptedTlsServer server = ProbeZone.imaps(selfSigned)) {
            ProbeZone.srv(dns, "imaps", "example.test", HOST, server.port());
            ProbeZone.tlsa(dns, HOST, server.port(), selfSigned);
            EndpointProbe p = probe().probe("example.test").single().block(WAIT);

            assertThat(p.verdict()).isEqualTo(ProbeVerdict.SECURE);
            assertThat(p.dane()).isEqualTo(DaneResult.VERIFIED);
            assertThat(p.authentication()).isEqualTo(AuthenticationMethod.DANE_EE);
            assertThat(p.identity()).as("DANE-EE authenticates the key, not a name").isEqualTo(IdentityResult.NOT_CHECKED);
            assertThat(p.tags()).contains(SecurityTag.CERT_DANE).doesNotContain(SecurityTag.CERT_PKIX);
            assertThat(p.level()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("DANE: a secure TLSA record that matches nothing the server sent is a DANE failure, never PKIX")
    void daneMismatch() throws Exception {
        try (ScriptedTlsServer server = ProbeZone.imaps(GOOD)) {
            ProbeZone.srv(dns, "imaps", "example.test", HOST, server.port());
            byte[] noSuchKey = new byte[32];
            java.util.Arrays.fill(noSuchKey, (byte) 0x5a);
            ProbeZone.tlsa(dns, HOST, server.port(), noSuchKey);
            EndpointProbe p = probe().probe("example.test").single().block(WAIT);

            assertThat(p.verdict()).isEqualTo(ProbeVerdict.INSECURE_OR_NEEDS_CONFIRMATION);
            assertThat(p.dane()).isEqualTo(DaneResult.FAILED);
            assertThat(p.error()).isNotNull();
            assertThat(p.error().kind()).isEqualTo(ProbeError.Kind.DANE);
            assertThat(p.level()).isNull();
        }
    }

    @Test
    @DisplayName("ID-01/ID-02: a certificate for another name is an identity mismatch, typed, insecure")
    void identityMismatch() throws Exception {
        Credential wrongName = CA.leaf().dns("other.example.test").issue();
        try (ScriptedTlsServer server = ProbeZone.imaps(wrongName)) {
            ProbeZone.srv(dns, "imaps", "example.test", HOST, server.port());
            ProbeReport report = probe().report("example.test").block(WAIT);

            EndpointProbe p = report.endpoints().get(0);
            assertThat(p.identity()).isEqualTo(IdentityResult.MISMATCH);
            assertThat(p.error().kind()).isEqualTo(ProbeError.Kind.CERTIFICATE_IDENTITY);
            assertThat(p.error().exception()).isEqualTo("CertificateIdentityException");
            assertThat(p.error().message()).doesNotContain("\tat ");
            assertThat(p.tags()).isEmpty();
            assertThat(p.verdict()).isEqualTo(ProbeVerdict.INSECURE_OR_NEEDS_CONFIRMATION);
            assertThat(report.verdict()).isEqualTo(ProbeVerdict.INSECURE_OR_NEEDS_CONFIRMATION);
            assertThat(server.awaitConnection(0, WAIT).tlsReceivedText()).isEmpty();
        }
    }

    @Test
    @DisplayName("TLS-15/SRV-09: a STARTTLS endpoint that stopped offering STARTTLS is refused as stripped, no AUTH sent")
    void strippedStartTls() throws Exception {
        try (ScriptedTlsServer server = ProbeZone.strippedSubmission(GOOD)) {
            ProbeZone.srv(dns, "submission", "example.test", HOST, server.port());
            EndpointProbe p = probe().probe("example.test").single().block(WAIT);

            assertThat(p.protocol()).isEqualTo(MailProtocol.SUBMISSION);
            assertThat(p.mode()).isEqualTo(TransportMode.STARTTLS);
            assertThat(p.error().kind()).isEqualTo(ProbeError.Kind.STARTTLS_UNAVAILABLE);
            assertThat(p.verdict()).isEqualTo(ProbeVerdict.INSECURE_OR_NEEDS_CONFIRMATION);
            ScriptedConnection c = server.awaitConnection(0, WAIT);
            c.awaitClosed(WAIT);
            noCredentials(c);
        }
    }

    @Test
    @DisplayName("TLS-12/TAG-01: a STARTTLS endpoint that upgrades is SECURE, without the IMPLICIT tag")
    void startTlsEndpoint() throws Exception {
        try (ScriptedTlsServer server = ProbeZone.imapStartTls(GOOD)) {
            ProbeZone.srv(dns, "imap", "example.test", HOST, server.port());
            EndpointProbe p = probe().probe("example.test").single().block(WAIT);

            assertThat(p.mode()).isEqualTo(TransportMode.STARTTLS);
            assertThat(p.verdict()).isEqualTo(ProbeVerdict.SECURE);
            assertThat(p.tags()).contains(SecurityTag.TLS, SecurityTag.CERT_PKIX).doesNotContain(SecurityTag.IMPLICIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("an unreachable endpoint is an ERROR with a typed connection failure; the others are still probed")
    void unreachableEndpoint() throws Exception {
        int closed = ProbeZone.closedPort();
        try (ScriptedTlsServer server = ProbeZone.imaps(GOOD)) {
            ProbeZone.srv(dns, "imaps", "example.test", HOST, server.port());
            ProbeZone.srv(dns, "pop3s", "example.test", HOST, closed);
            ProbeReport report = probe().report("example.test").block(WAIT);

            assertThat(report.endpoints()).extracting(EndpointProbe::protocol)
                    .containsExactly(MailProtocol.IMAP, MailProtocol.POP3);
            EndpointProbe pop3 = report.endpoints().get(1);
            assertThat(pop3.verdict()).isEqualTo(ProbeVerdict.ERROR);
            assertThat(pop3.error().kind()).isEqualTo(ProbeError.Kind.CONNECTION);
            assertThat(pop3.level()).isNull();
            assertThat(report.endpoints().get(0).verdict()).isEqualTo(ProbeVerdict.SECURE);
            assertThat(report.verdict()).isEqualTo(ProbeVerdict.ERROR);
        }
    }

    @Test
    @DisplayName("SRV-07/ID-08: an unsigned SRV answer pointing outside the domain needs confirmation, even when TLS verifies")
    void offDomainTargetNeedsConfirmation() throws Exception {
        Credential both = CA.leaf().dns("mail.provider.test", "example.test").issue();
        try (ScriptedTlsServer server = ProbeZone.imaps(both)) {
            dns.answer("_imaps._tcp.example.test", DnsRecordType.SRV,
                    TestDnsAnswer.of(TestDnsRdata.srv(0, 1, server.port(), "mail.provider.test")));
            dns.answer("mail.provider.test", DnsRecordType.A, TestDnsAnswer.of(TestDnsRdata.address("127.0.0.1")));
            dns.answer("mail.provider.test", DnsRecordType.AAAA, TestDnsAnswer.nodata());
            ProbeReport report = probe().report("example.test").block(WAIT);

            EndpointProbe p = report.endpoints().get(0);
            assertThat(p.discoveryTrust()).isEqualTo(DiscoveryTrust.SRV_INSECURE);
            assertThat(p.needsConfirmation()).isTrue();
            assertThat(p.level()).as("the session itself verified against the email domain").isEqualTo(1);
            assertThat(p.verdict()).isEqualTo(ProbeVerdict.INSECURE_OR_NEEDS_CONFIRMATION);
            assertThat(report.verdict()).isEqualTo(ProbeVerdict.INSECURE_OR_NEEDS_CONFIRMATION);
        }
    }

    @Test
    @DisplayName("a server that never greets is an ERROR with a typed timeout, within the per-endpoint bound")
    void silentServerTimesOut() throws Exception {
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(GOOD.key(), GOOD.chain()).implicitTls()
                .script(Script.builder().awaitClose().build()).start()) {
            ProbeZone.srv(dns, "imaps", "example.test", HOST, server.port());
            long start = System.nanoTime();
            EndpointProbe p = probe().timeout(Duration.ofSeconds(2)).probe("example.test").single().block(WAIT);

            assertThat(p.error().kind()).isEqualTo(ProbeError.Kind.TIMEOUT);
            assertThat(p.verdict()).isEqualTo(ProbeVerdict.ERROR);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    @DisplayName("SRV-02/SRV-11: a bogus SRV label is reported as a discovery problem; the protocol gets no endpoint from it")
    void bogusLabelReported() throws Exception {
        try (ScriptedTlsServer server = ProbeZone.imaps(GOOD)) {
            ProbeZone.srv(dns, "imaps", "example.test", HOST, server.port());
            dns.answer("_pop3s._tcp.example.test", DnsRecordType.SRV,
                    TestDnsAnswer.of(TestDnsRdata.srv(0, 1, 995, HOST)).bogus());
            ProbeReport report = probe().report("example.test").block(WAIT);

            assertThat(report.discoveryProblems()).singleElement().asString().contains("_pop3s._tcp.example.test");
            assertThat(report.endpoints()).extracting(EndpointProbe::protocol).containsExactly(MailProtocol.IMAP);
        }
    }

    @Test
    @DisplayName("SRV-04: a domain that advertises nothing gives an empty report with the ERROR verdict")
    void nothingAdvertised() {
        ProbeReport report = probe().report("nothing.test").block(WAIT);
        assertThat(report.endpoints()).isEmpty();
        assertThat(report.verdict()).isEqualTo(ProbeVerdict.ERROR);
        assertThat(dns.queries()).extracting(q -> q.name()).contains("_imaps._tcp.nothing.test",
                "_submission._tcp.nothing.test");
    }

    @Test
    @DisplayName("a bad query fails typed before any DNS query")
    void badQuery() {
        probe().probe("not a domain").as(StepVerifier::create).expectError(IllegalArgumentException.class).verify(WAIT);
        assertThat(dns.queries()).isEmpty();
    }

    @Test
    @DisplayName("the probe's connects and DNS answers reach the metrics recorder")
    void metricsRecorded() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        MailClientMetricsRecorder metrics = new MailClientMetricsRecorder() {
            @Override
            public void recordSessionSecurity(SessionSecurityEvent event) {
                seen.add("session " + event.security().endpoint().mode());
            }

            @Override
            public void recordDnsLookup(String recordType, DnssecStatus status, DnsAnswer.Outcome outcome,
                    Duration duration) {
                seen.add("dns " + recordType);
            }
        };
        try (ScriptedTlsServer server = ProbeZone.imaps(GOOD)) {
            ProbeZone.srv(dns, "imaps", "example.test", HOST, server.port());
            probe().metrics(metrics).report("example.test").block(WAIT);
        }
        assertThat(seen).contains("session IMPLICIT", "dns SRV", "dns A");
    }

    @Test
    @DisplayName("copy-on-write: configuring returns a new probe and leaves the original unchanged")
    void copyOnWrite() {
        MailProbe base = MailProbe.create(RESOURCES.get());
        MailProbe other = base.timeout(Duration.ofSeconds(3)).concurrency(2);
        assertThat(base.timeout()).isEqualTo(MailProbe.DEFAULT_TIMEOUT);
        assertThat(base.concurrency()).isEqualTo(MailProbe.DEFAULT_CONCURRENCY);
        assertThat(other.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(other.concurrency()).isEqualTo(2);
        assertThat(base.trustedResolver(dns.address()).dnsOptions().resolvers()).containsExactly(dns.address());
        assertThat(base.dnsOptions().resolvers()).isEmpty();
    }

    @Test
    @DisplayName("the overall verdict: insecure beats error beats secure; nothing at all is an error")
    void overallVerdict() {
        assertThat(ProbeVerdict.overall(List.of(ProbeVerdict.SECURE, ProbeVerdict.SECURE))).isEqualTo(ProbeVerdict.SECURE);
        assertThat(ProbeVerdict.overall(List.of(ProbeVerdict.SECURE, ProbeVerdict.ERROR))).isEqualTo(ProbeVerdict.ERROR);
        assertThat(ProbeVerdict.overall(List.of(ProbeVerdict.ERROR, ProbeVerdict.INSECURE_OR_NEEDS_CONFIRMATION)))
                .isEqualTo(ProbeVerdict.INSECURE_OR_NEEDS_CONFIRMATION);
        assertThat(ProbeVerdict.overall(List.of())).isEqualTo(ProbeVerdict.ERROR);
    }
}
