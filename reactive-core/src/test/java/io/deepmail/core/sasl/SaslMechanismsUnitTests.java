package io.deepmail.core.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.core.Account;
import io.deepmail.core.CommandFailedException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.tls.TlsProvider;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SaslMechanismsUnitTests {

    private static final Credentials PASSWORD = new Credentials.Password("alice", "pw");
    private static final Credentials TOKEN = new Credentials.OAuth2Token("alice", "tok");

    private static List<String> list(String spaceSeparated) {
        return spaceSeparated.isBlank() ? List.of() : List.of(spaceSeparated.trim().split(" +"));
    }

    @ParameterizedTest(name = "{0} / {1} advertised [{2}] -> {3}")
    @CsvSource({
        "password, TLS, SCRAM-SHA-256 PLAIN LOGIN, SCRAM-SHA-256",
        "password, TLS, PLAIN LOGIN, PLAIN",
        "password, TLS, LOGIN, LOGIN",
        "password, TLS, login xoauth2, LOGIN",
        "password, TLS, scram-sha-256 plain, SCRAM-SHA-256",
        "password, TLS, OAUTHBEARER XOAUTH2 PLAIN, PLAIN",
        "password, TLS, SCRAM-SHA-256-PLUS SCRAM-SHA-256 SCRAM-SHA-1 PLAIN, SCRAM-SHA-256",
        "password, CLEARTEXT, SCRAM-SHA-256 PLAIN LOGIN, SCRAM-SHA-256",
        "password, CLEARTEXT_CONSENTED, PLAIN LOGIN, PLAIN",
        "token, TLS, XOAUTH2 OAUTHBEARER PLAIN, OAUTHBEARER",
        "token, TLS, XOAUTH2 PLAIN, XOAUTH2",
        "token, TLS, Xoauth2 SCRAM-SHA-256, XOAUTH2",
        "token, CLEARTEXT_CONSENTED, XOAUTH2, XOAUTH2",
    })
    @DisplayName("the strongest common mechanism for the credential type, case-insensitively")
    void matrix(String type, ChannelProtection protection, String advertised, String expected) {
        Credentials credentials = type.equals("password") ? PASSWORD : TOKEN;
        assertThat(SaslMechanisms.select(list(advertised), credentials, List.of(), protection).name())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} / {1} advertised [{2}] -> none")
    @CsvSource({
        "password, TLS, XOAUTH2 OAUTHBEARER EXTERNAL, ''",
        "password, TLS, '', ''",
        "token, TLS, SCRAM-SHA-256 PLAIN LOGIN, ''",
        "password, CLEARTEXT, PLAIN LOGIN, PLAIN LOGIN",
        "token, CLEARTEXT, OAUTHBEARER XOAUTH2, OAUTHBEARER XOAUTH2",
    })
    @DisplayName("nothing fits: a typed, permanent command failure that names what was withheld, never a TLS one")
    void nothingFits(String type, ChannelProtection protection, String advertised, String withheld) {
        Credentials credentials = type.equals("password") ? PASSWORD : TOKEN;
        assertThatThrownBy(() -> SaslMechanisms.select(list(advertised), credentials, List.of(), protection))
                .isInstanceOf(AuthenticationUnavailableException.class)
                .isInstanceOf(CommandFailedException.class)
                .isNotInstanceOf(TlsPolicyException.class)
                .satisfies(e -> {
                    AuthenticationUnavailableException u = (AuthenticationUnavailableException) e;
                    assertThat(u.withheld()).containsExactlyElementsOf(list(withheld));
                    assertThat(u.advertised()).containsExactlyElementsOf(list(advertised));
                    assertThat(u.isPermanent()).isTrue();
                    assertThat(u.responseCode()).isNull();
                });
    }

    @Test
    @DisplayName("the client preference restricts and orders; EXTERNAL only when named")
    void clientPreference() {
        List<String> all = List.of("SCRAM-SHA-256", "PLAIN", "LOGIN", "EXTERNAL");
        assertThat(SaslMechanisms.select(all, PASSWORD, List.of("plain", "scram-sha-256"), ChannelProtection.TLS))
                .isSameAs(SaslMechanisms.PLAIN);
        assertThat(SaslMechanisms.select(all, PASSWORD, List.of("EXTERNAL"), ChannelProtection.CLEARTEXT))
                .isSameAs(SaslMechanisms.EXTERNAL);
        assertThat(SaslMechanisms.select(List.of("EXTERNAL", "PLAIN"), PASSWORD, List.of(), ChannelProtection.TLS))
                .isSameAs(SaslMechanisms.PLAIN);
        assertThatThrownBy(() -> SaslMechanisms.select(all, PASSWORD, List.of("LOGIN"), ChannelProtection.CLEARTEXT))
                .isInstanceOf(AuthenticationUnavailableException.class).hasMessageContaining("cleartext");
    }

    @Test
    @DisplayName("a preference naming an unknown mechanism is a programming error, caught early")
    void unknownPreference() {
        assertThatIllegalArgumentException().isThrownBy(() -> SaslMechanisms.select(List.of("PLAIN"), PASSWORD,
                List.of("PLAIN", "CRAM-MD5"), ChannelProtection.TLS)).withMessageContaining("CRAM-MD5");
    }

    @Test
    @DisplayName("mechanisms say which reveal a secret and which credentials they take")
    void mechanismFacts() {
        assertThat(List.of(SaslMechanisms.PLAIN, SaslMechanisms.LOGIN, SaslMechanisms.XOAUTH2,
                SaslMechanisms.OAUTHBEARER)).allMatch(SaslMechanism::revealsSecret);
        assertThat(List.of(SaslMechanisms.SCRAM_SHA_256, SaslMechanisms.EXTERNAL)).noneMatch(SaslMechanism::revealsSecret);
        assertThat(SaslMechanisms.SCRAM_SHA_256.supports(TOKEN)).isFalse();
        assertThat(SaslMechanisms.XOAUTH2.supports(PASSWORD)).isFalse();
        assertThat(SaslMechanisms.named(" oauthbearer ")).containsSame(SaslMechanisms.OAUTHBEARER);
        assertThat(SaslMechanisms.named("CRAM-MD5")).isEmpty();
    }

    @Test
    @DisplayName("channel protection is derived from the session and the account's consent")
    void protectionFromFacts() {
        Endpoint imaps = Endpoint.of(MailProtocol.IMAP, "mail.example.test", TransportMode.IMPLICIT);
        Endpoint imap = new Endpoint(MailProtocol.IMAP, "mail.example.test", 143, TransportMode.PLAINTEXT);
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 993);
        SessionSecurity tls = new SessionSecurity(imaps, loopback, TlsProvider.JDK, "TLSv1.3", "TLS_AES_128_GCM_SHA256",
                List.of(), AuthenticationMethod.PKIX, false, DiscoveryTrust.MANUAL);
        SessionSecurity cleartext = SessionSecurity.cleartext(imap, loopback, DiscoveryTrust.MANUAL);
        CredentialsProvider credentials = CredentialsProvider.of(PASSWORD);
        Account normal = Account.builder("alice@example.test").credentials(credentials).build();
        Account.Builder consenting = Account.builder("bob@example.test").credentials(credentials);
        consenting.lowerMinimumLevel(ConfidentialityLevel.NONE);
        Account consented = consenting.cleartextConsent(true).build();

        assertThat(ChannelProtection.of(tls, normal)).isEqualTo(ChannelProtection.TLS);
        assertThat(ChannelProtection.of(cleartext, normal)).isEqualTo(ChannelProtection.CLEARTEXT);
        assertThat(ChannelProtection.of(cleartext, consented)).isEqualTo(ChannelProtection.CLEARTEXT_CONSENTED);
        assertThat(ChannelProtection.CLEARTEXT.allowsRevealedSecrets()).isFalse();
    }
}
