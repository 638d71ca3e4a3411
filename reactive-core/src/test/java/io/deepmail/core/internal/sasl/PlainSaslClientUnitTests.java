package io.deepmail.core.internal.sasl;

import static io.deepmail.core.internal.sasl.Bytes.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.sasl.SaslClient;
import io.deepmail.core.sasl.SaslCodec;
import io.deepmail.core.sasl.SaslMechanisms;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlainSaslClientUnitTests {

    @Test
    @DisplayName("RFC 4616 §4: tim / tanstaaftanstaaf, empty authzid, as a SASL-IR initial response")
    void rfc4616FirstExample() {
        SaslClient client = SaslMechanisms.PLAIN.newClient(new Credentials.Password("tim", "tanstaaftanstaaf"));
        assertThat(client.mechanismName()).isEqualTo("PLAIN");
        assertThat(SaslCodec.encodeInitialResponse(client.initialResponse().orElseThrow()))
                .isEqualTo("AHRpbQB0YW5zdGFhZnRhbnN0YWFm");
        assertThat(client.isComplete()).isTrue();
        client.verifySuccess(null);
    }

    @Test
    @DisplayName("RFC 4616 §4: Ursel acting as Kurt with xipj3plmq")
    void rfc4616SecondExample() {
        SaslClient client = new PlainSaslClient("Ursel", "Kurt", "xipj3plmq");
        assertThat(client.initialResponse()).hasValueSatisfying(r -> assertThat(r).isEqualTo(b64("VXJzZWwAS3VydAB4aXBqM3BsbXE=")));
    }

    @Test
    @DisplayName("without SASL-IR the server's empty challenge is answered with the same message")
    void withoutInitialResponse() {
        SaslClient client = SaslMechanisms.PLAIN.newClient(new Credentials.Password("tim", "tanstaaftanstaaf"));
        assertThat(client.isComplete()).isFalse();
        assertThat(SaslCodec.encode(client.evaluateChallenge(new byte[0]))).isEqualTo("AHRpbQB0YW5zdGFhZnRhbnN0YWFm");
        assertThat(client.isComplete()).isTrue();
        assertThatIllegalStateException().isThrownBy(client::initialResponse);
    }

    @Test
    @DisplayName("a non-empty opening challenge, or any challenge after the message, is a protocol violation")
    void unexpectedChallenges() {
        SaslClient first = SaslMechanisms.PLAIN.newClient(new Credentials.Password("tim", "pw"));
        assertThatThrownBy(() -> first.evaluateChallenge(Bytes.utf8("hello")))
                .isInstanceOf(ProtocolViolationException.class);
        SaslClient second = SaslMechanisms.PLAIN.newClient(new Credentials.Password("tim", "pw"));
        second.initialResponse();
        assertThatThrownBy(() -> second.evaluateChallenge(new byte[0])).isInstanceOf(ProtocolViolationException.class);
        assertThatIllegalStateException().isThrownBy(second::initialResponse);
    }

    @Test
    @DisplayName("success before the message was sent, or with additional data, is a protocol violation")
    void prematureSuccess() {
        SaslClient client = SaslMechanisms.PLAIN.newClient(new Credentials.Password("tim", "pw"));
        assertThatThrownBy(() -> client.verifySuccess(null)).isInstanceOf(ProtocolViolationException.class);
        client.initialResponse();
        assertThatThrownBy(() -> client.verifySuccess(new byte[] {1})).isInstanceOf(ProtocolViolationException.class);
        client.verifySuccess(new byte[0]);
    }

    @Test
    @DisplayName("a NUL inside a credential is refused without echoing it")
    void nulRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SaslMechanisms.PLAIN.newClient(new Credentials.Password("tim", "zq\0xv")))
                .withMessageNotContaining("zq").withMessageNotContaining("xv");
    }

    @Test
    @DisplayName("PLAIN takes passwords, not tokens")
    void passwordsOnly() {
        assertThat(SaslMechanisms.PLAIN.supports(new Credentials.OAuth2Token("u", "t"))).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SaslMechanisms.PLAIN.newClient(new Credentials.OAuth2Token("u", "t")));
    }
}
