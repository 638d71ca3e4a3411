package io.deepmail.core.internal.sasl;

import static io.deepmail.core.internal.sasl.Bytes.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.sasl.SaslClient;
import io.deepmail.core.sasl.SaslCodec;
import io.deepmail.core.sasl.SaslMechanisms;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoginSaslClientUnitTests {

    private static SaslClient login() {
        return SaslMechanisms.LOGIN.newClient(new Credentials.Password("alice@example.test", "hunter2"));
    }

    @Test
    @DisplayName("LOGIN has no initial response and answers 'Username:' then 'Password:'")
    void twoSteps() {
        SaslClient client = login();
        assertThat(client.initialResponse()).isEmpty();
        assertThat(SaslCodec.encode(client.evaluateChallenge(b64("VXNlcm5hbWU6"))))
                .isEqualTo(SaslCodec.encode(Bytes.utf8("alice@example.test")));
        assertThat(client.isComplete()).isFalse();
        assertThat(Bytes.text(client.evaluateChallenge(b64("UGFzc3dvcmQ6")))).isEqualTo("hunter2");
        assertThat(client.isComplete()).isTrue();
        client.verifySuccess(null);
    }

    @Test
    @DisplayName("the challenge text is not interpreted: position decides (e.g. 'User Name' + empty)")
    void anyChallengeText() {
        SaslClient client = login();
        assertThat(Bytes.text(client.evaluateChallenge(Bytes.utf8("User Name\0")))).isEqualTo("alice@example.test");
        assertThat(Bytes.text(client.evaluateChallenge(new byte[0]))).isEqualTo("hunter2");
    }

    @Test
    @DisplayName("a third challenge, or success before the password, is a protocol violation")
    void violations() {
        SaslClient client = login();
        client.evaluateChallenge(Bytes.utf8("Username:"));
        assertThatThrownBy(() -> client.verifySuccess(null)).isInstanceOf(ProtocolViolationException.class);
        assertThatIllegalStateException().isThrownBy(client::initialResponse);
        client.evaluateChallenge(Bytes.utf8("Password:"));
        assertThatThrownBy(() -> client.evaluateChallenge(Bytes.utf8("Again:")))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageNotContaining("hunter2");
    }
}
