package io.deepmail.core.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.auth.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one SASL challenge loop that IMAP, POP3 and Submission share. */
class SaslConversationUnitTests {

    private static final Credentials PASSWORD = new Credentials.Password("alice", "pw");

    private static SaslConversation conversation(String mechanism, int maxChallenges) {
        return SaslConversation.of(SaslMechanisms.select(List.of(mechanism), PASSWORD, List.of(),
                ChannelProtection.TLS).newClient(PASSWORD), maxChallenges);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("PLAIN's initial response is encoded once; LOGIN has none and answers its two prompts")
    void answers() {
        assertThat(conversation("PLAIN", 8).initialResponse()).contains(b64("\0alice\0pw"));
        SaslConversation login = conversation("LOGIN", 8);
        assertThat(login.initialResponse()).isEmpty();
        assertThat(login.respond(b64("Username:"))).isEqualTo(b64("alice"));
        assertThat(login.respond(b64("Password:"))).isEqualTo(b64("pw"));
        assertThat(login.failure()).isEmpty();
    }

    @Test
    @DisplayName("a challenge that is not base64 is cancelled, kept as the failure, and every later one is cancelled")
    void badChallengeCancels() {
        SaslConversation login = conversation("LOGIN", 8);
        assertThat(login.respond("not base64!")).isEqualTo(SaslCodec.CANCEL);
        assertThat(login.failure()).get().isInstanceOf(ProtocolViolationException.class);
        assertThat(login.respond(b64("Username:"))).isEqualTo(SaslCodec.CANCEL);
    }

    @Test
    @DisplayName("one challenge more than the bound is a protocol violation answered with *")
    void boundedChallenges() {
        SaslConversation login = conversation("LOGIN", 1);
        assertThat(login.respond(b64("Username:"))).isEqualTo(b64("alice"));
        assertThat(login.respond(b64("Password:"))).isEqualTo(SaslCodec.CANCEL);
        assertThat(login.failure()).get().isInstanceOf(ProtocolViolationException.class)
                .extracting(Throwable::getMessage).asString().contains("more than 1 LOGIN challenges");
    }

    @Test
    @DisplayName("a failure the protocol finds is kept, and only the first one")
    void protocolFailure() {
        SaslConversation plain = conversation("PLAIN", 8);
        ProtocolViolationException first = new ProtocolViolationException("first");
        plain.fail(first);
        plain.fail(new ProtocolViolationException("second"));
        assertThat(plain.failure()).containsSame(first);
        assertThat(plain.respond("")).isEqualTo(SaslCodec.CANCEL);
    }
}
