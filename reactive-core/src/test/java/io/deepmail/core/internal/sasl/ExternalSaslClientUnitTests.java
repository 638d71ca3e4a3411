package io.deepmail.core.internal.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.sasl.SaslClient;
import io.deepmail.core.sasl.SaslCodec;
import io.deepmail.core.sasl.SaslMechanisms;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExternalSaslClientUnitTests {

    @Test
    @DisplayName("EXTERNAL sends an empty authzid: '=' as an initial response, an empty line otherwise")
    void emptyAuthzid() {
        SaslClient inline = SaslMechanisms.EXTERNAL.newClient(new Credentials.Password("u", "p"));
        assertThat(SaslCodec.encodeInitialResponse(inline.initialResponse().orElseThrow())).isEqualTo("=");
        inline.verifySuccess(null);

        SaslClient continued = SaslMechanisms.EXTERNAL.newClient(new Credentials.OAuth2Token("u", "t"));
        assertThat(SaslCodec.encode(continued.evaluateChallenge(new byte[0]))).isEmpty();
        assertThat(continued.isComplete()).isTrue();
        assertThatThrownBy(() -> continued.evaluateChallenge(new byte[0])).isInstanceOf(ProtocolViolationException.class);
    }
}
