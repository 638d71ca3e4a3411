package io.deepmail.core.interop;

import static io.deepmail.core.interop.Lab.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TlsProviderPreference;
import io.deepmail.core.tls.TlsVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every lab TLS listener serves an RSA and an ECDSA certificate at once. A TLS 1.2 client limited
 * to ECDHE_RSA or to ECDHE_ECDSA suites makes the server choose one, and the security record
 * shows which: the negotiated suite and the very leaf the lab issued.
 */
class CertificateKeyIntegrationTests {

    private static MailResources resources;

    @BeforeAll
    static void start() {
        resources = MailResources.create();
    }

    @AfterAll
    static void stop() {
        resources.disposeLater().block(WAIT);
    }

    enum KeyType {
        RSA("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "RSA", "LAB_RSA_CERT_PEM"),
        ECDSA("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "EC", "LAB_ECDSA_CERT_PEM");

        final String suite;
        final String keyAlgorithm;
        final String certKey;

        KeyType(String suite, String keyAlgorithm, String certKey) {
            this.suite = suite;
            this.keyAlgorithm = keyAlgorithm;
            this.certKey = certKey;
        }
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (KeyType key : KeyType.values()) {
            for (Dialect dialect : Dialect.values()) {
                for (TransportMode mode : List.of(TransportMode.IMPLICIT, TransportMode.STARTTLS)) {
                    for (TlsProviderPreference provider : Lab.providers()) {
                        cases.add(Arguments.of(key, dialect, mode, provider));
                    }
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}: {1} {2} with {3}")
    @MethodSource("cases")
    @DisplayName("TLS-03/TAG-01: RSA and ECDSA certificates, chosen by the client's TLS 1.2 suites")
    void keyTypeFollowsSuite(KeyType key, Dialect dialect, TransportMode mode, TlsProviderPreference provider)
            throws Exception {
        Lab lab = Lab.require();
        TlsOptions options = lab.tls(provider).versions(TlsVersion.TLS_1_2).cipherSuites(List.of(key.suite)).build();
        LineSession session = Lab.secured(Lab.transport(resources, options), lab.request(dialect, mode), dialect)
                .block(WAIT);
        SessionSecurity security = session.connection().security().orElseThrow();
        List<String> capabilities = session.capabilities().block(WAIT);
        session.quit().block(WAIT);

        assertThat(capabilities).as("the session works inside TLS").isNotEmpty();
        assertThat(security.tlsVersion()).isEqualTo("TLSv1.2");
        assertThat(security.cipherSuite()).isEqualTo(key.suite);
        assertThat(security.has(SecurityTag.PFS)).isTrue();
        X509Certificate leaf = security.peerChain().get(0);
        assertThat(leaf.getPublicKey().getAlgorithm()).isEqualTo(key.keyAlgorithm);
        assertThat(leaf).as("the lab's own %s leaf", key).isEqualTo(certificate(lab.env().path(key.certKey)));
    }

    private static X509Certificate certificate(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
