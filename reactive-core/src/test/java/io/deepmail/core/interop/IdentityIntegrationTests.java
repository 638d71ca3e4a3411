package io.deepmail.core.interop;

import static io.deepmail.core.interop.Lab.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.CertificateIdentityException;
import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.tls.ReferenceIdentifiers;
import io.deepmail.core.tls.SrvId;
import io.deepmail.core.tls.TlsProviderPreference;
import io.deepmail.core.transport.ConnectRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

/**
 * The RFC 7817 identity check against the lab's certificates, which carry DNS-IDs and the six
 * SRV-IDs of {@code example.test}. Every case connects to the same address; only the reference
 * identifiers change.
 */
class IdentityIntegrationTests {

    private static MailResources resources;

    @BeforeAll
    static void start() {
        resources = MailResources.create();
    }

    @AfterAll
    static void stop() {
        resources.disposeLater().block(WAIT);
    }

    static List<Arguments> modes() {
        List<Arguments> cases = new ArrayList<>();
        for (Dialect dialect : Dialect.values()) {
            for (TransportMode mode : List.of(TransportMode.IMPLICIT, TransportMode.STARTTLS)) {
                for (TlsProviderPreference provider : Lab.providers()) {
                    cases.add(Arguments.of(dialect, mode, provider));
                }
            }
        }
        return cases;
    }

    static List<String> certifiedHosts() {
        return List.of("mail.example.test", "example.test", "strict.example.test", "tls13.example.test");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certifiedHosts")
    @DisplayName("ID-02/ID-04: a manually configured host the certificate names passes")
    void manualHostPasses(String host) {
        Lab lab = Lab.require();
        ConnectRequest request = lab.request(Dialect.IMAP, TransportMode.IMPLICIT, host, lab.env().get("LAB_IP4"),
                "LAB_IMAPS_PORT");
        SessionSecurity security = connect(lab, request, Dialect.IMAP, TlsProviderPreference.AUTO);
        assertThat(security.endpoint().host()).isEqualTo(host);
        assertThat(security.authentication()).isEqualTo(AuthenticationMethod.PKIX);
        assertThat(security.tags()).contains(SecurityTag.CERT_PKIX);
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("modes")
    @DisplayName("ID-03: the SRV-ID _<service>.example.test alone is enough for each of the six services")
    void srvIdAlonePasses(Dialect dialect, TransportMode mode, TlsProviderPreference provider) {
        Lab lab = Lab.require();
        SrvId srvId = new SrvId(dialect.protocol().serviceName(mode), lab.env().get("LAB_DOMAIN"));
        ConnectRequest request = Lab.withIdentifiers(lab.request(dialect, mode), ReferenceIdentifiers.of(srvId));
        SessionSecurity security = connect(lab, request, dialect, provider);
        assertThat(request.identifiers().ids()).containsExactly(srvId);
        assertThat(srvId.toString()).isEqualTo("_" + dialect.protocol().serviceName(mode) + ".example.test");
        assertThat(security.authentication()).isEqualTo(AuthenticationMethod.PKIX);
        assertThat(security.tags()).contains(SecurityTag.CERT_PKIX);
    }

    @ParameterizedTest(name = "with {0}")
    @MethodSource("io.deepmail.core.interop.Lab#providers")
    @DisplayName("ID-03/ID-08: the RFC 6186 identifier set for a DNSSEC-secured SRV target passes")
    void srvDiscoverySetPasses(TlsProviderPreference provider) {
        Lab lab = Lab.require();
        ReferenceIdentifiers ids = ReferenceIdentifiers.forSrv("example.test", "imaps", "mail.example.test",
                DiscoveryTrust.SRV_SECURE, false);
        ConnectRequest plain = lab.request(Dialect.IMAP, TransportMode.IMPLICIT);
        ConnectRequest request = new ConnectRequest(plain.endpoint(), ids, DiscoveryTrust.SRV_SECURE, plain.address());
        SessionSecurity security = connect(lab, request, Dialect.IMAP, provider);
        assertThat(security.discoveryTrust()).isEqualTo(DiscoveryTrust.SRV_SECURE);
        assertThat(security.authentication()).isEqualTo(AuthenticationMethod.PKIX);
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("modes")
    @DisplayName("ID-04/TLS-05: a host the certificate does not name fails the handshake with "
            + "CertificateIdentityException")
    void wrongHostFails(Dialect dialect, TransportMode mode, TlsProviderPreference provider) {
        Lab lab = Lab.require();
        ConnectRequest request = lab.request(dialect, mode, "wrong.example.test", lab.env().get("LAB_IP4"),
                dialect.portKey(mode));
        Lab.secured(lab.transport(resources, provider), request, dialect)
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(CertificateIdentityException.class)
                        .hasMessageContaining("wrong.example.test"))
                .verify(WAIT);
    }

    static List<SrvId> wrongSrvIds() {
        return List.of(new SrvId("imaps", "wrong.example.test"), new SrvId("imaps", "insecure.test"),
                new SrvId("smtp", "example.test"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongSrvIds")
    @DisplayName("ID-03/TLS-05: an SRV-ID the certificate does not carry fails with CertificateIdentityException")
    void wrongSrvIdFails(SrvId srvId) {
        Lab lab = Lab.require();
        ConnectRequest request = Lab.withIdentifiers(lab.request(Dialect.IMAP, TransportMode.IMPLICIT),
                ReferenceIdentifiers.of(srvId));
        lab.transport(resources, TlsProviderPreference.AUTO).connect(request)
                .as(StepVerifier::create)
                .expectError(CertificateIdentityException.class)
                .verify(WAIT);
    }

    private static SessionSecurity connect(Lab lab, ConnectRequest request, Dialect dialect,
            TlsProviderPreference provider) {
        LineSession session = Lab.secured(lab.transport(resources, provider), request, dialect).block(WAIT);
        SessionSecurity security = session.connection().security().orElseThrow();
        assertThat(session.capabilities().block(WAIT)).as("the session works inside TLS").isNotEmpty();
        session.quit().block(WAIT);
        return security;
    }
}
