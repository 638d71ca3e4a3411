package io.deepmail.imap;

import static io.deepmail.imap.LabSessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.sasl.SaslAuthenticationException;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.RecordingMetrics;
import io.deepmail.core.transport.MailTransport;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AUTHENTICATE OAUTHBEARER (RFC 7628) and XOAUTH2 against the lab's real Dovecot, which validates
 * the lab's JWTs locally: the default preference picks OAUTHBEARER for a token, XOAUTH2 works when
 * asked for, and a token with a wrong signature is refused with the server's JSON status. The
 * mechanism actually used is read from the recorded AUTHENTICATION phase.
 */
@Tag("integration")
class ImapOAuthLabIntegrationTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static Targets strict(LabEnvironment env) {
        return LabSessions.targets(LabSessions.endpoint(env, "LAB_STRICT_HOST", "LAB_IMAPS_PORT",
                TransportMode.IMPLICIT));
    }

    private static ImapClient client(LabEnvironment env, RecordingMetrics metrics, List<String> mechanisms)
            throws Exception {
        MailTransport transport = MailTransport.create(RESOURCES.get()).tls(LabSessions.tls(env).build())
                .metrics(metrics);
        return LabSessions.client(env, transport)
                .options(ImapClientOptions.builder().saslMechanisms(mechanisms).build());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"'', OAUTHBEARER", "XOAUTH2, XOAUTH2"})
    @DisplayName("a JWT from the lab: OAUTHBEARER by default, XOAUTH2 when asked for; the session is authenticated and sees the seed")
    void token(String pinned, String expected) throws Exception {
        LabEnvironment env = LabEnvironment.require();
        RecordingMetrics metrics = new RecordingMetrics();
        ImapSession s = client(env, metrics, pinned.isEmpty() ? List.of() : List.of(pinned))
                .connect(env.tokenAccount("LAB_USER1"), strict(env)).block(WAIT);
        try {
            assertThat(s.state()).isEqualTo(ImapState.AUTHENTICATED);
            assertThat(metrics.phases).contains("AUTHENTICATION " + expected + " succeeded");
            assertThat(s.examine("INBOX").block(WAIT).exists())
                    .isGreaterThanOrEqualTo(Long.parseLong(env.get("LAB_SEED_MESSAGES")));
        } finally {
            s.logout().block(WAIT);
        }
    }

    @Test
    @DisplayName("a JWT with a wrong signature: OAUTHBEARER refused with Dovecot's status invalid_token, the NO as cause")
    void forgedToken() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        RecordingMetrics metrics = new RecordingMetrics();
        Account forged = env.forgedTokenAccount("LAB_USER1");
        Throwable failure = ScriptedSessions.failure(client(env, metrics, List.of()).connect(forged, strict(env)));
        assertThat(failure).isInstanceOf(SaslAuthenticationException.class);
        SaslAuthenticationException refused = (SaslAuthenticationException) failure;
        assertThat(refused.mechanism()).isEqualTo("OAUTHBEARER");
        assertThat(refused.responseCode()).isEqualTo("invalid_token");
        assertThat(refused.getCause()).isInstanceOf(ImapNoException.class);
        assertThat(metrics.phases).contains("AUTHENTICATION OAUTHBEARER failed SaslAuthenticationException");
    }
}
