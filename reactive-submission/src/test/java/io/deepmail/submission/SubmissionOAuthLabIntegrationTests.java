package io.deepmail.submission;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.sasl.SaslAuthenticationException;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.testkit.MailResourcesExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/**
 * AUTH OAUTHBEARER (RFC 4954, RFC 7628) against the lab's real Postfix, whose SASL goes through
 * Dovecot, which validates the lab's JWTs locally: the client picks OAUTHBEARER for a token, and
 * a token with a wrong signature is refused with the server's JSON status, the 535 as cause. The
 * mechanism actually used is read from the recorded AUTHENTICATION phase.
 */
class SubmissionOAuthLabIntegrationTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);

    private LabEnvironment env;
    private RecordingMetrics metrics;
    private SubmissionClient client;
    private Targets strict;

    @BeforeEach
    void lab() throws Exception {
        env = LabEnvironment.require();
        metrics = new RecordingMetrics();
        client = SubmissionLab.client(env, RESOURCES.get(), metrics);
        strict = SubmissionLab.strict(env, TransportMode.STARTTLS);
    }

    @Test
    @DisplayName("a JWT from the lab on 587 after STARTTLS: AUTH OAUTHBEARER succeeds, NOOP answers 250")
    void token() {
        SubmissionSession session = client.connect(env.tokenAccount("LAB_USER1"), strict).block(WAIT);
        try {
            assertThat(metrics.authentication()).containsExactly("AUTHENTICATION OAUTHBEARER started",
                    "AUTHENTICATION OAUTHBEARER succeeded");
            assertThat(session.noop().block(WAIT).code()).isEqualTo(250);
        } finally {
            session.quit().block(WAIT);
        }
    }

    @Test
    @DisplayName("a JWT with a wrong signature: OAUTHBEARER refused with status invalid_token, the 535 as cause")
    void forgedToken() {
        client.connect(env.forgedTokenAccount("LAB_USER1"), strict)
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(SaslAuthenticationException.class);
                    assertThat(((SaslAuthenticationException) e).mechanism()).isEqualTo("OAUTHBEARER");
                    assertThat(((SaslAuthenticationException) e).responseCode()).isEqualTo("invalid_token");
                    assertThat(e.getCause()).isInstanceOf(SmtpReplyException.class);
                    assertThat(((SmtpReplyException) e.getCause()).code()).isEqualTo(535);
                })
                .verify(WAIT);
        assertThat(metrics.authentication()).containsExactly("AUTHENTICATION OAUTHBEARER started",
                "AUTHENTICATION OAUTHBEARER failed SaslAuthenticationException");
    }
}
