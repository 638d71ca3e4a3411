package io.deepmail.core.internal.sasl;

import static io.deepmail.core.internal.sasl.Bytes.text;
import static io.deepmail.core.internal.sasl.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.sasl.SaslAuthenticationException;
import io.deepmail.core.sasl.SaslClient;
import io.deepmail.core.sasl.SaslCodec;
import io.deepmail.core.sasl.SaslMechanisms;
import io.deepmail.core.sasl.SaslMutualAuthenticationException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** RFC 7677 §3: user "user", password "pencil", client nonce "rOprNGfwEbeRWgbNEkqO". */
class ScramSha256SaslClientUnitTests {

    static final String CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
    static final String SERVER_FIRST = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,"
            + "i=4096";
    static final String CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    static final String SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    static SaslClient rfc7677() {
        return new ScramSha256SaslClient("user", "pencil", () -> "rOprNGfwEbeRWgbNEkqO");
    }

    /** Runs the exchange up to and including the client-final message. */
    static SaslClient afterClientFinal() {
        SaslClient client = rfc7677();
        client.initialResponse();
        client.evaluateChallenge(utf8(SERVER_FIRST));
        return client;
    }

    @Test
    @DisplayName("RFC 7677 §3: exact client-first and client-final, and the server signature verifies")
    void rfc7677Exchange() {
        SaslClient client = rfc7677();
        assertThat(client.mechanismName()).isEqualTo("SCRAM-SHA-256");
        assertThat(text(client.initialResponse().orElseThrow())).isEqualTo(CLIENT_FIRST);
        assertThat(text(client.evaluateChallenge(utf8(SERVER_FIRST)))).isEqualTo(CLIENT_FINAL);
        assertThat(client.isComplete()).isFalse();
        assertThat(client.evaluateChallenge(utf8(SERVER_FINAL))).isEmpty();
        assertThat(client.isComplete()).isTrue();
        client.verifySuccess(null);
    }

    @Test
    @DisplayName("the exchange also runs through base64 continuations, without SASL-IR")
    void throughContinuations() {
        SaslClient client = rfc7677();
        String first = SaslCodec.encode(client.evaluateChallenge(SaslCodec.decode("")));
        assertThat(text(SaslCodec.decode(first))).isEqualTo(CLIENT_FIRST);
        String fin = SaslCodec.encode(client.evaluateChallenge(SaslCodec.decode(SaslCodec.encode(utf8(SERVER_FIRST)))));
        assertThat(text(SaslCodec.decode(fin))).isEqualTo(CLIENT_FINAL);
        assertThat(SaslCodec.encode(client.evaluateChallenge(SaslCodec.decode(SaslCodec.encode(utf8(SERVER_FINAL))))))
                .isEmpty();
    }

    @Test
    @DisplayName("a tampered server signature fails typed: a TLS policy failure, never retried on a weaker path")
    void tamperedServerFinal() {
        SaslClient client = afterClientFinal();
        String tampered = "v=7rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";
        assertThatThrownBy(() -> client.evaluateChallenge(utf8(tampered)))
                .isInstanceOf(SaslMutualAuthenticationException.class)
                .isInstanceOf(TlsPolicyException.class)
                .hasMessageContaining("SCRAM-SHA-256")
                .hasMessageNotContaining("pencil");
        assertThat(client.isComplete()).isFalse();
    }

    @Test
    @DisplayName("success without the server signature fails typed; the signature as success data verifies")
    void successWithoutSignature() {
        assertThatThrownBy(() -> afterClientFinal().verifySuccess(null))
                .isInstanceOf(SaslMutualAuthenticationException.class);
        assertThatThrownBy(() -> rfc7677().verifySuccess(null)).isInstanceOf(SaslMutualAuthenticationException.class);
        SaslClient withData = afterClientFinal();
        withData.verifySuccess(utf8(SERVER_FINAL));
        assertThat(withData.isComplete()).isTrue();
        assertThatThrownBy(() -> afterClientFinal().verifySuccess(utf8("v=AAAA")))
                .isInstanceOf(SaslMutualAuthenticationException.class);
    }

    @Test
    @DisplayName("a server error e=invalid-proof fails as a typed refusal")
    void serverError() {
        assertThatThrownBy(() -> afterClientFinal().evaluateChallenge(utf8("e=invalid-proof")))
                .isInstanceOfSatisfying(SaslAuthenticationException.class,
                        e -> assertThat(e.responseCode()).isEqualTo("invalid-proof"));
    }

    @Test
    @DisplayName("a server nonce that does not extend the client's, or garbage, is a protocol violation")
    void badServerFirst() {
        SaslClient client = rfc7677();
        client.initialResponse();
        assertThatThrownBy(() -> client.evaluateChallenge(utf8("r=someoneElse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")))
                .isInstanceOf(ProtocolViolationException.class);
        SaslClient other = rfc7677();
        other.initialResponse();
        assertThatThrownBy(() -> other.evaluateChallenge(utf8("garbage"))).isInstanceOf(ProtocolViolationException.class);
        SaslClient invalidUtf8 = rfc7677();
        invalidUtf8.initialResponse();
        assertThatThrownBy(() -> invalidUtf8.evaluateChallenge(new byte[] {(byte) 0xC3}))
                .isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    @DisplayName("an iteration count above the cap is refused before any key derivation")
    void iterationCap() {
        SaslClient client = rfc7677();
        client.initialResponse();
        String greedy = SERVER_FIRST.replace("i=4096", "i=" + (ScramSha256SaslClient.MAX_ITERATIONS + 1));
        assertThatThrownBy(() -> client.evaluateChallenge(utf8(greedy)))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("iterations");
    }

    @Test
    @DisplayName("a challenge after the verified server-final is a protocol violation")
    void afterVerified() {
        SaslClient client = afterClientFinal();
        client.evaluateChallenge(utf8(SERVER_FINAL));
        assertThatThrownBy(() -> client.evaluateChallenge(new byte[0])).isInstanceOf(ProtocolViolationException.class);
        assertThatThrownBy(() -> client.verifySuccess(utf8(SERVER_FINAL))).isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    @DisplayName("the production client draws a fresh printable nonce, and never blocks a non-blocking thread")
    void productionNonceOnParallel() {
        Mono.fromCallable(() -> {
            SaslClient a = SaslMechanisms.SCRAM_SHA_256.newClient(new Credentials.Password("user", "pencil"));
            SaslClient b = SaslMechanisms.SCRAM_SHA_256.newClient(new Credentials.Password("user", "pencil"));
            return new String[] {text(a.initialResponse().orElseThrow()), text(b.initialResponse().orElseThrow())};
        }).subscribeOn(Schedulers.parallel())
                .as(StepVerifier::create)
                .assertNext(firsts -> {
                    assertThat(firsts[0]).matches("n,,n=user,r=[!-+\\--~]{24}");
                    assertThat(firsts[0]).isNotEqualTo(firsts[1]);
                })
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }
}
