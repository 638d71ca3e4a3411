package io.deepmail.submission;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * AUTH SCRAM-SHA-256 (RFC 4954, RFC 7677) against the lab's real Postfix, whose SASL goes through
 * Dovecot's auth socket: the client picks the strongest mechanism Postfix advertises inside TLS,
 * checks Dovecot's server signature, and submits a message that arrives; a wrong password is a
 * typed 535. The mechanism actually used is read from the recorded AUTHENTICATION phase.
 */
class SubmissionScramLabIntegrationTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);

    private LabEnvironment env;
    private RecordingMetrics metrics;
    private SubmissionClient client;

    @BeforeEach
    void lab() throws Exception {
        env = LabEnvironment.require();
        metrics = new RecordingMetrics();
        client = SubmissionLab.client(env, RESOURCES.get(), metrics);
    }

    private Account alice(String password) {
        return Account.builder(env.get("LAB_USER1"))
                .credentials(CredentialsProvider.of(new Credentials.Password(env.get("LAB_USER1"), password))).build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransportMode.class, names = {"IMPLICIT", "STARTTLS"})
    @DisplayName("Postfix offers SCRAM-SHA-256 through Dovecot; the client chooses it, and a message to bob arrives")
    void scramThenSend(TransportMode mode) throws Exception {
        String token = "deepmail-scram-" + UUID.randomUUID();
        byte[] message = ("Date: Mon, 1 Jun 2026 12:00:00 +0000\r\nMessage-ID: <" + token + "@example.test>\r\n"
                + "From: " + env.get("LAB_USER1") + "\r\nTo: " + env.get("LAB_USER2") + "\r\nSubject: " + token
                + "\r\n\r\nSent after AUTH SCRAM-SHA-256.\r\n").getBytes(StandardCharsets.US_ASCII);
        SubmissionSession session = client.connect(alice(env.get("LAB_USER1_PASSWORD")), SubmissionLab.strict(env, mode))
                .block(WAIT);
        try {
            assertThat(session.extensions()).contains("AUTH");
            assertThat(metrics.authentication()).containsExactly("AUTHENTICATION SCRAM-SHA-256 started",
                    "AUTHENTICATION SCRAM-SHA-256 succeeded");
            SubmissionResult result = session.send(Envelope.builder(env.get("LAB_USER1")).to(env.get("LAB_USER2"))
                    .build(), Flux.defer(() -> Flux.just(Unpooled.wrappedBuffer(message)))).block(WAIT);
            assertThat(result.accepted()).containsExactly(env.get("LAB_USER2"));
        } finally {
            session.quit().block(WAIT);
        }
        byte[] delivered = new LabMailbox(env, env.get("LAB_USER2"), env.get("LAB_USER2_PASSWORD"))
                .awaitMessage(token);
        assertThat(new String(delivered, StandardCharsets.US_ASCII)).contains("Sent after AUTH SCRAM-SHA-256.");
    }

    @Test
    @DisplayName("a wrong password over AUTH SCRAM-SHA-256 is a typed permanent 535, recorded as the SCRAM phase failing")
    void wrongPassword() {
        client.connect(alice("not-the-password"), SubmissionLab.strict(env, TransportMode.STARTTLS))
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(SmtpReplyException.class);
                    assertThat(((SmtpReplyException) e).code()).isEqualTo(535);
                    assertThat(((SmtpReplyException) e).isPermanent()).isTrue();
                })
                .verify(WAIT);
        assertThat(metrics.authentication()).containsExactly("AUTHENTICATION SCRAM-SHA-256 started",
                "AUTHENTICATION SCRAM-SHA-256 failed SmtpReplyException");
    }
}
