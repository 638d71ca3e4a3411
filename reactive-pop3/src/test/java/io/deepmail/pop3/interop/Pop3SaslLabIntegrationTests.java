package io.deepmail.pop3.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.sasl.SaslAuthenticationException;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.RecordingMetrics;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import io.deepmail.pop3.Pop3AuthMethod;
import io.deepmail.pop3.Pop3Client;
import io.deepmail.pop3.Pop3ErrException;
import io.deepmail.pop3.Pop3Session;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SASL over POP3 AUTH (RFC 5034) against the lab's real Dovecot on the strict listener, inside
 * Implicit TLS. SCRAM-SHA-256 (RFC 7677): chosen by {@link Pop3AuthMethod#AUTO} and by name, with
 * Dovecot's server signature verified, and a wrong password refused with a typed {@code -ERR
 * [AUTH]}. OAUTHBEARER (RFC 7628) and XOAUTH2, which Dovecot validates against the lab's JWTs
 * locally: AUTO picks OAUTHBEARER for a token, each works by name, and a token with a wrong
 * signature is refused with the server's JSON status. The mechanism actually used is read from the
 * recorded AUTHENTICATION phase.
 */
class Pop3SaslLabIntegrationTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Duration WAIT = Duration.ofSeconds(30);

    private LabEnvironment env;
    private RecordingMetrics metrics;
    private Pop3Client client;
    private Targets strict;

    @BeforeEach
    void lab() throws Exception {
        env = LabEnvironment.require();
        metrics = new RecordingMetrics();
        String host = env.get("LAB_STRICT_HOST");
        client = Pop3Client.create(MailTransport.create(RESOURCES.get()).metrics(metrics))
                .tls(TlsOptions.builder().trustAnchors(TrustAnchors.fromPem(env.path("LAB_CA_PEM"))).build())
                .resolver(AddressResolver.of(Map.of(host, List.of(InetAddress.getByName(env.get("LAB_STRICT_IP"))))));
        strict = Targets.endpoints(MailProtocol.POP3,
                new Endpoint(MailProtocol.POP3, host, env.port("LAB_POP3S_PORT"), TransportMode.IMPLICIT));
    }

    private List<String> authentication() {
        return metrics.phases.stream().filter(p -> p.startsWith("AUTHENTICATION ")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Pop3AuthMethod.class, names = {"AUTO", "SASL_SCRAM_SHA_256"})
    @DisplayName("AUTH SCRAM-SHA-256 against Dovecot, by default and by name: the session is authenticated and STAT sees the seed")
    void scram(Pop3AuthMethod method) {
        Pop3Session session = client.connect(env.account("LAB_USER1"), strict).block(WAIT);
        try {
            assertThat(session.capabilities().saslMechanisms()).contains("SCRAM-SHA-256", "PLAIN");
            session.authenticate(method).block(WAIT);
            assertThat(authentication()).containsExactly("AUTHENTICATION SCRAM-SHA-256 succeeded");
            assertThat(metrics.commandLines()).contains("AUTH +OK").doesNotContain("USER +OK", "PASS +OK");
            assertThat(session.stat().block(WAIT).count()).isEqualTo(env.port("LAB_SEED_MESSAGES"));
        } finally {
            session.quit().block(WAIT);
        }
    }

    @Test
    @DisplayName("a wrong password over AUTH SCRAM-SHA-256 is a typed -ERR [AUTH], recorded as the SCRAM phase failing")
    void wrongPassword() {
        Account wrong = Account.builder(env.get("LAB_USER1")).credentials(CredentialsProvider.of(
                new Credentials.Password(env.get("LAB_USER1"), "not-the-password"))).build();
        Pop3Session session = client.connect(wrong, strict).block(WAIT);
        try {
            Throwable failure = catchThrowable(() -> session.authenticate().block(WAIT));
            assertThat(failure).isInstanceOf(Pop3ErrException.class);
            assertThat(((Pop3ErrException) failure).responseCode()).isEqualTo("AUTH");
            assertThat(authentication()).containsExactly("AUTHENTICATION SCRAM-SHA-256 failed Pop3ErrException");
        } finally {
            session.close().block(WAIT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"AUTO, OAUTHBEARER", "SASL_OAUTHBEARER, OAUTHBEARER", "SASL_XOAUTH2, XOAUTH2"})
    @DisplayName("a JWT from the lab over AUTH: the session is authenticated and STAT sees the seed")
    void token(Pop3AuthMethod method, String mechanism) {
        Pop3Session session = client.connect(env.tokenAccount("LAB_USER1"), strict).block(WAIT);
        try {
            assertThat(session.capabilities().saslMechanisms()).contains("OAUTHBEARER", "XOAUTH2");
            session.authenticate(method).block(WAIT);
            assertThat(authentication()).containsExactly("AUTHENTICATION " + mechanism + " succeeded");
            assertThat(session.stat().block(WAIT).count()).isEqualTo(env.port("LAB_SEED_MESSAGES"));
        } finally {
            session.quit().block(WAIT);
        }
    }

    @Test
    @DisplayName("a JWT with a wrong signature: OAUTHBEARER refused with Dovecot's status invalid_token, the -ERR as cause")
    void forgedToken() {
        Pop3Session session = client.connect(env.forgedTokenAccount("LAB_USER1"), strict).block(WAIT);
        try {
            Throwable failure = catchThrowable(() -> session.authenticate().block(WAIT));
            assertThat(failure).isInstanceOf(SaslAuthenticationException.class);
            assertThat(((SaslAuthenticationException) failure).mechanism()).isEqualTo("OAUTHBEARER");
            assertThat(((SaslAuthenticationException) failure).responseCode()).isEqualTo("invalid_token");
            assertThat(failure.getCause()).isInstanceOf(Pop3ErrException.class);
            assertThat(authentication())
                    .containsExactly("AUTHENTICATION OAUTHBEARER failed SaslAuthenticationException");
        } finally {
            session.close().block(WAIT);
        }
    }
}
