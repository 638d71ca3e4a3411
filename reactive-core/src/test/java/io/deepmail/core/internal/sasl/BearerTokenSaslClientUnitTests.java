package io.deepmail.core.internal.sasl;

import static io.deepmail.core.internal.sasl.Bytes.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.core.CommandFailedException;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.sasl.SaslAuthenticationException;
import io.deepmail.core.sasl.SaslClient;
import io.deepmail.core.sasl.SaslCodec;
import io.deepmail.core.sasl.SaslMechanisms;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BearerTokenSaslClientUnitTests {

    /** RFC 7628 §4.3: the server's JSON error. */
    private static final String RFC7628_ERROR = "eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIiwic2NvcGUiOiJleGFtcGxlX3Njb3BlIiwib3Bl"
            + "bmlkLWNvbmZpZ3VyYXRpb24iOiJodHRwczovL2V4YW1wbGUuY29tLy53ZWxsLWtub3duL29wZW5pZC1jb25maWd1cmF0aW9uIn0=";

    /** Google's XOAUTH2 documentation: the error challenge. */
    private static final String GOOGLE_ERROR = "eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIG1hYyIsInNjb3BlIjoiaHR0cHM6Ly9t"
            + "YWlsLmdvb2dsZS5jb20vIn0K";

    /** A protocol's own refusal, standing in for IMAP NO or SMTP 535. */
    static final class Refused extends CommandFailedException {

        private static final long serialVersionUID = 1L;

        Refused() {
            super("AUTHENTICATE refused: NO SASL authentication failed", null);
        }

        @Override
        public @Nullable String responseCode() {
            return "AUTHENTICATIONFAILED";
        }
    }

    @Test
    @DisplayName("XOAUTH2: user=U ^A auth=Bearer T ^A ^A, byte for byte as Google documents it")
    void xoauth2Format() {
        SaslClient client = SaslMechanisms.XOAUTH2.newClient(
                new Credentials.OAuth2Token("someuser@example.com", "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg"));
        assertThat(SaslCodec.encodeInitialResponse(client.initialResponse().orElseThrow())).isEqualTo(
                "dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRH"
                        + "RXVZMjl0Q2cBAQ==");
        assertThat(client.isComplete()).isTrue();
        client.verifySuccess(null);
        Refused refused = new Refused();
        assertThat(client.explainRefusal(refused)).isSameAs(refused);
    }

    @Test
    @DisplayName("XOAUTH2 error challenge: answered empty, then the refusal carries the JSON status and scope")
    void xoauth2Error() {
        SaslClient client = SaslMechanisms.XOAUTH2.newClient(new Credentials.OAuth2Token("someuser@example.com", "t"));
        client.initialResponse();
        assertThat(client.evaluateChallenge(b64(GOOGLE_ERROR))).isEmpty();
        Refused refused = new Refused();
        CommandFailedException failure = client.explainRefusal(refused);
        assertThat(failure).isInstanceOf(SaslAuthenticationException.class).hasCause(refused)
                .hasMessageContaining("401");
        SaslAuthenticationException typed = (SaslAuthenticationException) failure;
        assertThat(typed.responseCode()).isEqualTo("401");
        assertThat(typed.scope()).isEqualTo("https://mail.google.com/");
        assertThat(typed.mechanism()).isEqualTo("XOAUTH2");
        assertThat(typed.isPermanent()).isTrue();
        assertThatThrownBy(() -> client.evaluateChallenge(b64(GOOGLE_ERROR))).isInstanceOf(ProtocolViolationException.class);
        assertThatThrownBy(() -> client.verifySuccess(null)).isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    @DisplayName("RFC 7628 §4.1: OAUTHBEARER with host and port, byte for byte")
    void rfc7628Example() {
        SaslClient client = BearerTokenSaslClient.oauthBearer("user@example.com",
                "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==", "server.example.com", 143);
        assertThat(SaslCodec.encode(client.initialResponse().orElseThrow())).isEqualTo(
                "bixhPXVzZXJAZXhhbXBsZS5jb20sAWhvc3Q9c2VydmVyLmV4YW1wbGUuY29tAXBvcnQ9MTQzAWF1dGg9QmVhcmVyIHZGOWRmdDRx"
                        + "bVRjMk52YjNSbGNrQmhiSFJoZG1semRHRXVZMjl0Q2c9PQEB");
    }

    @Test
    @DisplayName("OAUTHBEARER: GS2 header n,a=user, then ^Aauth=Bearer T^A^A; saslname escapes ',' and '='")
    void oauthBearerFormat() {
        SaslClient client = SaslMechanisms.OAUTHBEARER.newClient(new Credentials.OAuth2Token("user", "token"));
        assertThat(Bytes.text(client.initialResponse().orElseThrow())).isEqualTo("n,a=user,\u0001auth=Bearer token\u0001\u0001");
        SaslClient escaped = SaslMechanisms.OAUTHBEARER.newClient(new Credentials.OAuth2Token("a,b=c", "t"));
        assertThat(Bytes.text(escaped.evaluateChallenge(new byte[0]))).startsWith("n,a=a=2Cb=3Dc,\u0001");
    }

    @Test
    @DisplayName("RFC 7628 §4.3: the error challenge is answered with AQ== and the refusal says invalid_token")
    void rfc7628Failure() {
        SaslClient client = SaslMechanisms.OAUTHBEARER.newClient(new Credentials.OAuth2Token("user@example.com", "t"));
        client.initialResponse();
        assertThat(SaslCodec.encode(client.evaluateChallenge(b64(RFC7628_ERROR)))).isEqualTo("AQ==");
        CommandFailedException failure = client.explainRefusal(new Refused());
        assertThat(failure).isInstanceOfSatisfying(SaslAuthenticationException.class, e -> {
            assertThat(e.responseCode()).isEqualTo("invalid_token");
            assertThat(e.scope()).isEqualTo("example_scope");
        });
    }

    @Test
    @DisplayName("an unreadable error challenge is still answered, and the refusal is typed without a status")
    void unreadableError() {
        SaslClient client = SaslMechanisms.OAUTHBEARER.newClient(new Credentials.OAuth2Token("u", "t"));
        client.initialResponse();
        assertThat(client.evaluateChallenge(Bytes.utf8("{not json"))).containsExactly(1);
        assertThat(client.explainRefusal(new Refused())).isInstanceOfSatisfying(SaslAuthenticationException.class,
                e -> assertThat(e.responseCode()).isNull());
    }

    @Test
    @DisplayName("a ^A inside the user name or token is refused")
    void separatorRefused() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> SaslMechanisms.XOAUTH2.newClient(new Credentials.OAuth2Token("u", "t\u0001auth=x")));
        assertThatIllegalArgumentException().isThrownBy(
                () -> SaslMechanisms.OAUTHBEARER.newClient(new Credentials.OAuth2Token("u\u0001", "t")));
    }
}
