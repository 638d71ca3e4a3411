package io.deepmail.submission;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.ConnectOptions;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.discovery.AccountDiscovery;
import io.deepmail.core.discovery.DiscoveryResult;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnsOptions;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TlsVersion;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Against the lab's real Postfix, which serves an RSA and an ECDSA certificate at once: each key
 * type on 465 and on 587, and the race through RFC 6186 discovery of the lab domain.
 */
class SubmissionTlsInteropIntegrationTests {

    /**
     * The race's head start in the discovered-race test. Both endpoints are healthy, so Implicit
     * TLS must win; the default 250 ms head start makes that a question of how fast a loaded CI
     * machine finishes a cold handshake, which is not what this test is about (the race itself is
     * tested deterministically in the core's RaceUnitTests).
     */
    private static final Duration HEALTHY_HEAD_START = Duration.ofSeconds(5);


    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);

    private LabEnvironment env;

    @BeforeEach
    void lab() {
        env = LabEnvironment.require();
    }

    private Account alice() {
        return Account.builder(env.get("LAB_USER1")).credentials(CredentialsProvider.of(
                new Credentials.Password(env.get("LAB_USER1"), env.get("LAB_USER1_PASSWORD")))).build();
    }

    private MailTransport transport(TlsOptions.Builder tls) throws Exception {
        return MailTransport.create(RESOURCES.get())
                .tls(tls.trustAnchors(TrustAnchors.fromPem(env.path("LAB_CA_PEM"))).build());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"ECDHE_RSA, IMPLICIT, RSA", "ECDHE_RSA, STARTTLS, RSA", "ECDHE_ECDSA, IMPLICIT, EC",
            "ECDHE_ECDSA, STARTTLS, EC"})
    @DisplayName("TLS 1.2 restricted to one key type: Postfix presents the matching leaf and AUTH (SCRAM-SHA-256, the strongest offered) succeeds")
    void keyType(String exchange, TransportMode mode, String keyAlgorithm) throws Exception {
        List<String> suites = TlsOptions.DEFAULT_TLS12_SUITES.stream().filter(s -> s.contains("_" + exchange + "_"))
                .toList();
        assertThat(suites).isNotEmpty();
        String strict = env.get("LAB_STRICT_HOST");
        SubmissionClient client = SubmissionClient.create(transport(TlsOptions.builder()
                        .versions(TlsVersion.TLS_1_2).cipherSuites(suites)))
                .resolver(AddressResolver.of(Map.of(strict, List.of(InetAddress.getByName(env.get("LAB_STRICT_IP"))))));
        String port = mode == TransportMode.IMPLICIT ? "LAB_SUBMISSIONS_PORT" : "LAB_SUBMISSION_PORT";
        SubmissionSession session = client.connect(alice(), Targets.endpoints(MailProtocol.SUBMISSION,
                new Endpoint(MailProtocol.SUBMISSION, strict, env.port(port), mode))).block(WAIT);
        try {
            SessionSecurity security = session.security();
            assertThat(security.tlsVersion()).isEqualTo("TLSv1.2");
            assertThat(security.cipherSuite()).contains("_" + exchange + "_");
            assertThat(security.peerChain().get(0).getPublicKey().getAlgorithm()).isEqualTo(keyAlgorithm);
            assertThat(security.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
            assertThat(security.endpoint().mode()).isEqualTo(mode);
            assertThat(session.noop().block(WAIT).code()).isEqualTo(250);
        } finally {
            session.quit().block(WAIT);
        }
    }

    @Test
    @DisplayName("SRV-12: the race through RFC 6186 discovery of the lab domain via Unbound ends on 465 at level 1")
    void discoveredRace() throws Exception {
        DnsLookup dns = DnsLookup.create(RESOURCES.get(), DnsOptions.builder().resolvers(List.of(
                new InetSocketAddress(env.get("LAB_DNS_HOST"), env.port("LAB_DNS_PORT")))).build());
        try {
            Account account = alice();
            DiscoveryResult discovered = AccountDiscovery.create(dns).discover(account.address()).block(WAIT);
            assertThat(discovered.candidates(MailProtocol.SUBMISSION)).extracting(c -> c.port())
                    .containsExactly(env.port("LAB_SUBMISSIONS_PORT"), env.port("LAB_SUBMISSION_PORT"));
            SubmissionSession session = SubmissionClient.create(transport(TlsOptions.builder())).dns(dns)
                    .connectOptions(ConnectOptions.defaults().withHeadStart(HEALTHY_HEAD_START))
                    .connect(account, Targets.discovered(discovered, MailProtocol.SUBMISSION)).block(WAIT);
            try {
                SessionSecurity security = session.security();
                assertThat(security.endpoint().mode()).isEqualTo(TransportMode.IMPLICIT);
                assertThat(security.endpoint().port()).isEqualTo(env.port("LAB_SUBMISSIONS_PORT"));
                assertThat(security.endpoint().host()).isEqualTo(env.get("LAB_HOST"));
                assertThat(security.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
                assertThat(security.tags()).contains(SecurityTag.TLS, SecurityTag.IMPLICIT);
                assertThat(security.discoveryTrust()).isEqualTo(DiscoveryTrust.SRV_SECURE);
                assertThat(session.noop().block(WAIT).code()).isEqualTo(250);
            } finally {
                session.quit().block(WAIT);
            }
        } finally {
            dns.dispose();
        }
    }
}
