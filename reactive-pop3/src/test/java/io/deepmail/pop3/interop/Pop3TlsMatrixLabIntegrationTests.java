package io.deepmail.pop3.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.Targets;
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
import io.deepmail.pop3.Pop3AuthMethod;
import io.deepmail.pop3.Pop3Client;
import io.deepmail.pop3.Pop3Session;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
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
 * The lab's Dovecot serves an RSA and an ECDSA certificate at once. A TLS 1.2 client limited to
 * ECDHE_RSA or ECDHE_ECDSA suites makes it choose one; on 995 (Implicit TLS) and on 110 after
 * {@code STLS}, through the strict listener, USER/PASS and AUTH PLAIN then work inside TLS. And the
 * race through RFC 6186 discovery of the lab domain, via the lab's validating resolver, ends on 995.
 */
class Pop3TlsMatrixLabIntegrationTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Duration WAIT = Duration.ofSeconds(30);

    private LabEnvironment env;

    @BeforeEach
    void lab() {
        env = LabEnvironment.require();
    }

    private Account alice() {
        return env.account("LAB_USER1");
    }

    @ParameterizedTest(name = "{0} ({1}) on {3} with {4}")
    @CsvSource({
        "ECDHE_RSA, RSA, LAB_RSA_CERT_PEM, IMPLICIT, USER_PASS",
        "ECDHE_RSA, RSA, LAB_RSA_CERT_PEM, IMPLICIT, SASL_PLAIN",
        "ECDHE_RSA, RSA, LAB_RSA_CERT_PEM, STARTTLS, USER_PASS",
        "ECDHE_RSA, RSA, LAB_RSA_CERT_PEM, STARTTLS, SASL_PLAIN",
        "ECDHE_ECDSA, EC, LAB_ECDSA_CERT_PEM, IMPLICIT, USER_PASS",
        "ECDHE_ECDSA, EC, LAB_ECDSA_CERT_PEM, IMPLICIT, SASL_PLAIN",
        "ECDHE_ECDSA, EC, LAB_ECDSA_CERT_PEM, STARTTLS, USER_PASS",
        "ECDHE_ECDSA, EC, LAB_ECDSA_CERT_PEM, STARTTLS, SASL_PLAIN"})
    @DisplayName("TLS-03/TLS-17/TAG-01: RSA and ECDSA leaves on 995 and 110+STLS through the strict listener, "
            + "USER/PASS and AUTH PLAIN inside TLS")
    void keyTypeModeAndAuth(String exchange, String algorithm, String pem, TransportMode mode, Pop3AuthMethod method)
            throws Exception {
        List<String> suites = TlsOptions.DEFAULT_TLS12_SUITES.stream().filter(s -> s.contains("_" + exchange + "_"))
                .toList();
        assertThat(suites).isNotEmpty();
        String strict = env.get("LAB_STRICT_HOST");
        Pop3Client client = Pop3Client.create(RESOURCES.get())
                .tls(TlsOptions.builder().versions(TlsVersion.TLS_1_2).cipherSuites(suites)
                        .trustAnchors(TrustAnchors.fromPem(env.path("LAB_CA_PEM"))).build())
                .resolver(AddressResolver.of(Map.of(strict, List.of(InetAddress.getByName(env.get("LAB_STRICT_IP"))))));
        String port = mode == TransportMode.IMPLICIT ? "LAB_POP3S_PORT" : "LAB_POP3_PORT";
        Pop3Session session = client.connect(alice(), Targets.endpoints(MailProtocol.POP3,
                new Endpoint(MailProtocol.POP3, strict, env.port(port), mode))).block(WAIT);
        try {
            SessionSecurity security = session.security();
            assertThat(security.tlsVersion()).isEqualTo("TLSv1.2");
            assertThat(security.cipherSuite()).contains("_" + exchange + "_");
            X509Certificate leaf = security.peerChain().get(0);
            assertThat(leaf.getPublicKey().getAlgorithm()).isEqualTo(algorithm);
            assertThat(leaf).as("the lab's own %s leaf", algorithm).isEqualTo(certificate(pem));
            assertThat(security.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
            assertThat(security.endpoint().mode()).isEqualTo(mode);
            assertThat(security.has(SecurityTag.IMPLICIT)).isEqualTo(mode == TransportMode.IMPLICIT);
            assertThat(session.capabilities().stls()).as("capabilities read inside TLS").isFalse();
            session.authenticate(method).block(WAIT);
            assertThat(session.stat().block(WAIT).count()).isEqualTo(env.port("LAB_SEED_MESSAGES"));
        } finally {
            session.quit().block(WAIT);
        }
    }

    private X509Certificate certificate(String key) throws Exception {
        try (InputStream in = Files.newInputStream(env.path(key))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    @DisplayName("SRV-12: connect(account) with the lab resolver discovers example.test and the race ends on 995 at "
            + "level 1 from secure SRV")
    void discoveredRace() throws Exception {
        DnsLookup dns = DnsLookup.create(RESOURCES.get(), DnsOptions.builder().resolvers(List.of(
                new InetSocketAddress(env.get("LAB_DNS_HOST"), env.port("LAB_DNS_PORT")))).build());
        try {
            Pop3Session session = Pop3Client.create(RESOURCES.get())
                    .tls(TlsOptions.builder().trustAnchors(TrustAnchors.fromPem(env.path("LAB_CA_PEM"))).build())
                    .dns(dns).connect(alice()).block(WAIT);
            try {
                SessionSecurity security = session.security();
                assertThat(security.endpoint().mode()).isEqualTo(TransportMode.IMPLICIT);
                assertThat(security.endpoint().port()).isEqualTo(env.port("LAB_POP3S_PORT"));
                assertThat(security.endpoint().host()).isEqualTo(env.get("LAB_HOST"));
                assertThat(security.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
                assertThat(security.tags()).contains(SecurityTag.TLS, SecurityTag.IMPLICIT);
                assertThat(security.has(SecurityTag.CERT_PKIX) || security.has(SecurityTag.CERT_DANE)).isTrue();
                assertThat(security.discoveryTrust()).isEqualTo(DiscoveryTrust.SRV_SECURE);
                session.authenticate().then(session.noop()).block(WAIT);
            } finally {
                session.quit().block(WAIT);
            }
        } finally {
            dns.dispose();
        }
    }
}
