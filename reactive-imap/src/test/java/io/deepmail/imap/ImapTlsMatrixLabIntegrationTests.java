package io.deepmail.imap;

import static io.deepmail.imap.LabSessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.CandidatesExhaustedException;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.RecordingMetrics;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TlsVersion;
import io.deepmail.core.transport.MailTransport;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The IMAP client's TLS paths against the lab's real Dovecot: Implicit TLS and STARTTLS on the
 * strict listener with the RSA and with the ECDSA certificate, the TLS-1.3-only instance, the
 * cleartext-only instance refused at level 1 with no credential asked for, and the three
 * authentication mechanisms Dovecot offers (AUTHENTICATE SCRAM-SHA-256, PLAIN and LOGIN), SCRAM
 * being the one the default preference chooses.
 */
@Tag("integration")
class ImapTlsMatrixLabIntegrationTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    enum KeyType {
        RSA("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "RSA", "LAB_RSA_CERT_PEM"),
        ECDSA("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "EC", "LAB_ECDSA_CERT_PEM");

        final String suite;
        final String algorithm;
        final String pem;

        KeyType(String suite, String algorithm, String pem) {
            this.suite = suite;
            this.algorithm = algorithm;
            this.pem = pem;
        }
    }

    static List<Arguments> strictMatrix() {
        List<Arguments> out = new ArrayList<>();
        for (KeyType key : KeyType.values()) {
            for (TransportMode mode : List.of(TransportMode.IMPLICIT, TransportMode.STARTTLS)) {
                out.add(Arguments.of(key, mode));
            }
        }
        return out;
    }

    private static Endpoint strict(LabEnvironment env, TransportMode mode) {
        return LabSessions.endpoint(env, "LAB_STRICT_HOST",
                mode == TransportMode.IMPLICIT ? "LAB_IMAPS_PORT" : "LAB_IMAP_PORT", mode);
    }

    /** An account whose credentials provider counts how often it is asked. */
    private static Account counted(LabEnvironment env, AtomicInteger asked) {
        return Account.builder(env.get("LAB_USER1")).credentials(() -> Mono.fromSupplier(() -> {
            asked.incrementAndGet();
            return (Credentials) new Credentials.Password(env.get("LAB_USER1"), env.get("LAB_USER1_PASSWORD"));
        })).build();
    }

    @ParameterizedTest(name = "{0} certificate, {1}")
    @MethodSource("strictMatrix")
    @DisplayName("TLS-03/TAG-01/TLS-22: 993 and 143 on the strict listener with the RSA and the ECDSA certificate: level 1, the lab's leaf, authenticated")
    void strictListener(KeyType key, TransportMode mode) throws Exception {
        LabEnvironment env = LabEnvironment.require();
        MailTransport transport = MailTransport.create(RESOURCES.get()).tls(LabSessions.tls(env)
                .versions(TlsVersion.TLS_1_2).cipherSuites(List.of(key.suite)).build());
        ImapSession s = LabSessions.client(env, transport).connect(LabSessions.user(env, "1"),
                LabSessions.targets(strict(env, mode))).block(WAIT);
        try {
            SessionSecurity security = s.security();
            assertThat(security.endpoint().mode()).isEqualTo(mode);
            assertThat(security.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
            assertThat(security.tags()).contains(SecurityTag.TLS, SecurityTag.CERT_PKIX, SecurityTag.PFS);
            assertThat(security.has(SecurityTag.IMPLICIT)).isEqualTo(mode == TransportMode.IMPLICIT);
            assertThat(security.tlsVersion()).isEqualTo("TLSv1.2");
            assertThat(security.cipherSuite()).isEqualTo(key.suite);
            X509Certificate leaf = security.peerChain().get(0);
            assertThat(leaf.getPublicKey().getAlgorithm()).isEqualTo(key.algorithm);
            assertThat(leaf).isEqualTo(certificate(env, key.pem));
            assertThat(s.state()).isEqualTo(ImapState.AUTHENTICATED);
            assertThat(s.capabilities()).contains("IMAP4REV1").doesNotContain("STARTTLS", "LOGINDISABLED");
            s.noop().as(StepVerifier::create).expectComplete().verify(WAIT);
        } finally {
            s.logout().block(WAIT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransportMode.class, names = {"IMPLICIT", "STARTTLS"})
    @DisplayName("TLS-01: the TLS-1.3-only instance on 993 and 143 negotiates TLSv1.3 and authenticates")
    void tls13Only(TransportMode mode) throws Exception {
        LabEnvironment env = LabEnvironment.require();
        ImapSession s = LabSessions.client(env, RESOURCES.get()).connect(LabSessions.user(env, "1"),
                LabSessions.targets(LabSessions.endpoint(env, "LAB_TLS13_HOST",
                        mode == TransportMode.IMPLICIT ? "LAB_TLS13_IMAPS_PORT" : "LAB_TLS13_IMAP_PORT", mode)))
                .block(WAIT);
        try {
            assertThat(s.security().tlsVersion()).isEqualTo("TLSv1.3");
            assertThat(s.security().endpoint().mode()).isEqualTo(mode);
            assertThat(s.security().level()).isEqualTo(ConfidentialityLevel.VERIFIED);
            assertThat(s.state()).isEqualTo(ImapState.AUTHENTICATED);
            assertThat(s.examine("INBOX").block(WAIT).exists()).isGreaterThanOrEqualTo(1);
        } finally {
            s.logout().block(WAIT);
        }
    }

    @Test
    @DisplayName("TLS-02/TLS-07: a client limited to TLS 1.2 against the TLS-1.3-only instance fails typed; the credentials are never asked for")
    void tls12ClientAgainstTls13Only() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        AtomicInteger asked = new AtomicInteger();
        MailTransport transport = MailTransport.create(RESOURCES.get())
                .tls(LabSessions.tls(env).versions(TlsVersion.TLS_1_2).build());
        Throwable failure = ScriptedSessions.failure(LabSessions.client(env, transport).connect(counted(env, asked),
                LabSessions.targets(LabSessions.endpoint(env, "LAB_TLS13_HOST", "LAB_TLS13_IMAPS_PORT",
                        TransportMode.IMPLICIT))));
        assertThat(ScriptedSessions.reason(failure)).isInstanceOf(TlsPolicyException.class);
        assertThat(asked).hasValue(0);
    }

    @Test
    @DisplayName("LAT-01/TLS-15/LAT-06: the cleartext-only instance is refused at level 1: STARTTLS missing, and a cleartext endpoint never dialled; the credentials are never asked for")
    void cleartextRefused() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        AtomicInteger asked = new AtomicInteger();
        ImapClient client = LabSessions.client(env, RESOURCES.get());
        Throwable startTls = ScriptedSessions.failure(client.connect(counted(env, asked), LabSessions.targets(
                LabSessions.endpoint(env, "LAB_CLEAR_HOST", "LAB_CLEAR_IMAP_PORT", TransportMode.STARTTLS))));
        assertThat(ScriptedSessions.reason(startTls)).isInstanceOf(StartTlsUnavailableException.class);
        Throwable cleartext = ScriptedSessions.failure(client.connect(counted(env, asked), LabSessions.targets(
                LabSessions.endpoint(env, "LAB_CLEAR_HOST", "LAB_CLEAR_IMAP_PORT", TransportMode.PLAINTEXT))));
        assertThat(cleartext).as("a cleartext candidate is not even tried at level 1")
                .isInstanceOf(CandidatesExhaustedException.class);
        assertThat(((CandidatesExhaustedException) cleartext).failures()).isEmpty();
        assertThat(asked).hasValue(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SCRAM-SHA-256", "PLAIN", "LOGIN"})
    @DisplayName("AUTHENTICATE SCRAM-SHA-256, PLAIN and LOGIN against Dovecot, each chosen by the client's preference; a wrong password is a typed NO")
    void mechanisms(String mechanism) throws Exception {
        LabEnvironment env = LabEnvironment.require();
        RecordingMetrics metrics = new RecordingMetrics();
        MailTransport transport = MailTransport.create(RESOURCES.get()).tls(LabSessions.tls(env).build())
                .metrics(metrics);
        ImapSession s = LabSessions.client(env, transport)
                .options(ImapClientOptions.builder().saslMechanisms(List.of(mechanism)).build())
                .connect(LabSessions.user(env, "1"), LabSessions.targets(strict(env, TransportMode.STARTTLS)))
                .block(WAIT);
        try {
            assertThat(s.state()).isEqualTo(ImapState.AUTHENTICATED);
            assertThat(metrics.phases).contains("AUTHENTICATION " + mechanism + " succeeded");
            assertThat(metrics.commandLines()).contains("AUTHENTICATE OK").doesNotContain("LOGIN OK");
            s.noop().block(WAIT);
        } finally {
            s.logout().block(WAIT);
        }
        // the wrong password is a typed refusal, not a retry elsewhere
        Account wrong = Account.builder(env.get("LAB_USER1")).credentials(CredentialsProvider.of(
                new Credentials.Password(env.get("LAB_USER1"), "not-the-password"))).build();
        assertThat(ScriptedSessions.failure(LabSessions.client(env, transport)
                .options(ImapClientOptions.builder().saslMechanisms(List.of(mechanism)).build())
                .connect(wrong, LabSessions.targets(strict(env, TransportMode.STARTTLS)))))
                .isInstanceOf(ImapNoException.class);
    }

    @Test
    @DisplayName("the default preference chooses AUTHENTICATE SCRAM-SHA-256 on Dovecot and checks its server signature; a wrong password is a typed NO [AUTHENTICATIONFAILED] in the SCRAM phase")
    void scramByDefault() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        RecordingMetrics metrics = new RecordingMetrics();
        MailTransport transport = MailTransport.create(RESOURCES.get()).tls(LabSessions.tls(env).build())
                .metrics(metrics);
        ImapSession s = LabSessions.client(env, transport)
                .connect(LabSessions.user(env, "1"), LabSessions.targets(strict(env, TransportMode.IMPLICIT)))
                .block(WAIT);
        try {
            assertThat(s.state()).isEqualTo(ImapState.AUTHENTICATED);
            assertThat(metrics.phases).contains("AUTHENTICATION SCRAM-SHA-256 succeeded")
                    .noneMatch(p -> p.startsWith("AUTHENTICATION PLAIN") || p.startsWith("AUTHENTICATION LOGIN"));
            assertThat(s.examine("INBOX").block(WAIT).exists())
                    .isGreaterThanOrEqualTo(Long.parseLong(env.get("LAB_SEED_MESSAGES")));
        } finally {
            s.logout().block(WAIT);
        }
        metrics.phases.clear();
        Account wrong = Account.builder(env.get("LAB_USER1")).credentials(CredentialsProvider.of(
                new Credentials.Password(env.get("LAB_USER1"), "not-the-password"))).build();
        Throwable failure = ScriptedSessions.failure(LabSessions.client(env, transport)
                .connect(wrong, LabSessions.targets(strict(env, TransportMode.IMPLICIT))));
        assertThat(failure).isInstanceOf(ImapNoException.class);
        assertThat(((ImapNoException) failure).responseCode()).isEqualTo("AUTHENTICATIONFAILED");
        assertThat(metrics.phases).contains("AUTHENTICATION SCRAM-SHA-256 failed ImapNoException");
    }

    private static X509Certificate certificate(LabEnvironment env, String key) throws Exception {
        try (InputStream in = Files.newInputStream(env.path(key))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
