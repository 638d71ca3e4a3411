package io.deepmail.pop3;

import static io.deepmail.pop3.Pop3Fixture.ALICE;
import static io.deepmail.pop3.Pop3Fixture.PLAIN_IR;
import static io.deepmail.pop3.Pop3Fixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.sasl.SaslAuthenticationException;
import io.deepmail.core.sasl.SaslMutualAuthenticationException;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.ScramServer;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.pop3.response.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

/**
 * POP3 {@code AUTH} (RFC 5034) through the core SASL mechanisms: SCRAM-SHA-256 with the server's
 * proof checked, XOAUTH2 and OAUTHBEARER with the RFC 7628 error challenge and the dummy answer,
 * PLAIN with and without initial response, and the edge cases (empty challenge, {@code + =},
 * invalid base64, {@code -ERR} mid-exchange, a forged server signature, the client's {@code *}).
 * Every exchange runs inside TLS.
 */
class Pop3SaslUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final String SCRAM_AUTH = "AUTH SCRAM-SHA-256 ";

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String unb64(String text) {
        return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }

    private static Script.Builder greeted(String sasl) {
        return Script.builder().send("+OK ready\r\n").expectLine("CAPA").send("+OK\r\nUSER\r\nSASL " + sasl + "\r\n.\r\n");
    }

    private static Account token(String token) {
        return Account.builder("alice@example.test").credentials(CredentialsProvider.of(
                new Credentials.OAuth2Token("alice@example.test", token))).build();
    }

    /** Up to the client-final message of a SCRAM exchange, its proof checked by {@code scram}. */
    private static Script.Builder scramToClientFinal(ScramServer scram, String sasl) {
        return greeted(sasl)
                .expectLine("AUTH SCRAM-SHA-256 <client-first>", l -> scram.clientFirst(l, SCRAM_AUTH))
                .sendComputed(() -> "+ " + scram.serverFirst() + "\r\n")
                .expectLine("client-final", scram::clientFinal);
    }

    /** Runs {@code method} for {@code account}; the server must end its script after the exchange. */
    private void authenticate(Script script, Account account, Pop3AuthMethod method, Consumer<StepVerifier.FirstStep<Void>> outcome)
            throws Exception {
        try (ScriptedTlsServer server = Pop3Fixture.implicit(script)) {
            Pop3Session session = Pop3Fixture.client(RESOURCES.get())
                    .connect(account, Pop3Fixture.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            outcome.accept(session.authenticate(method).as(StepVerifier::create));
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("SCRAM-SHA-256 is chosen first by AUTO: client-first on the command line, the proof verifies, the "
            + "server signature is checked and answered with an empty line")
    void scram() throws Exception {
        ScramServer scram = new ScramServer("s3cret");
        Script script = scramToClientFinal(scram, "PLAIN SCRAM-SHA-256")
                .sendComputed(() -> "+ " + scram.serverFinal() + "\r\n")
                .expectLine("")
                .send("+OK logged in\r\n").awaitClose().build();
        authenticate(script, ALICE, Pop3AuthMethod.AUTO, v -> v.expectComplete().verify(WAIT));
        assertThat(scram.proofValid()).isTrue();
    }

    @Test
    @DisplayName("SCRAM-SHA-256 with a forged server signature: the client cancels with \"*\", then the -ERR becomes "
            + "SaslMutualAuthenticationException")
    void scramForgedSignature() throws Exception {
        ScramServer scram = new ScramServer("s3cret");
        Script script = scramToClientFinal(scram, "SCRAM-SHA-256")
                .sendComputed(() -> "+ " + scram.forgedServerFinal() + "\r\n")
                .expectLine("*").send("-ERR cancelled\r\n")
                .expectLine("NOOP").send("+OK in step\r\n").awaitClose().build();
        try (ScriptedTlsServer server = Pop3Fixture.implicit(script)) {
            Pop3Session session = Pop3Fixture.client(RESOURCES.get())
                    .connect(ALICE, Pop3Fixture.targets(server, TransportMode.IMPLICIT)).block(WAIT);
            session.authenticate(Pop3AuthMethod.SASL_SCRAM_SHA_256).as(StepVerifier::create)
                    .expectError(SaslMutualAuthenticationException.class).verify(WAIT);
            session.noop().block(WAIT);
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("SCRAM-SHA-256 reporting +OK without its signature fails verifySuccess with "
            + "SaslMutualAuthenticationException")
    void scramOkWithoutSignature() throws Exception {
        ScramServer scram = new ScramServer("s3cret");
        Script script = scramToClientFinal(scram, "SCRAM-SHA-256")
                .send("+OK trust me\r\n").awaitClose().build();
        authenticate(script, ALICE, Pop3AuthMethod.SASL_SCRAM_SHA_256,
                v -> v.expectError(SaslMutualAuthenticationException.class).verify(WAIT));
    }

    @Test
    @DisplayName("-ERR [AUTH] in the middle of SCRAM is a Pop3ErrException with its code")
    void errMidExchange() throws Exception {
        ScramServer scram = new ScramServer("s3cret");
        Script script = greeted("SCRAM-SHA-256")
                .expectLine("client-first", l -> scram.clientFirst(l, SCRAM_AUTH))
                .send("-ERR [AUTH] unknown user\r\n").awaitClose().build();
        authenticate(script, ALICE, Pop3AuthMethod.SASL_SCRAM_SHA_256, v -> v.expectErrorSatisfies(e -> {
            assertThat(e).isInstanceOf(Pop3ErrException.class);
            assertThat(((Pop3ErrException) e).code()).contains(ResponseCode.AUTH);
            assertThat(((Pop3ErrException) e).command()).isEqualTo("AUTH");
        }).verify(WAIT));
    }

    @Test
    @DisplayName("XOAUTH2: the token on the command line, +OK")
    void xoauth2() throws Exception {
        Script script = greeted("XOAUTH2")
                .expectLine("AUTH XOAUTH2 " + b64("user=alice@example.test\u0001auth=Bearer tok-123\u0001\u0001"))
                .send("+OK\r\n").awaitClose().build();
        authenticate(script, token("tok-123"), Pop3AuthMethod.SASL_XOAUTH2, v -> v.expectComplete().verify(WAIT));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"XOAUTH2, SASL_XOAUTH2, '', 401, https://mail.google.com/",
        "OAUTHBEARER, SASL_OAUTHBEARER, AQ==, invalid_token, mail"})
    @DisplayName("XOAUTH2 and OAUTHBEARER refused with the RFC 7628 JSON error challenge: the client's dummy answer "
            + "(empty for XOAUTH2, ^A for OAUTHBEARER), then -ERR becomes SaslAuthenticationException with status and "
            + "scope")
    void bearerRefused(String mechanism, Pop3AuthMethod method, String dummy, String status, String scope)
            throws Exception {
        String json = "{\"status\":\"" + status + "\",\"schemes\":\"Bearer\",\"scope\":\"" + scope + "\"}";
        Script script = greeted(mechanism)
                .expectLine("AUTH " + mechanism + " <token>", l -> l.startsWith("AUTH " + mechanism + " "))
                .send("+ " + b64(json) + "\r\n")
                .expectLine(dummy)
                .send("-ERR [AUTH] denied\r\n").awaitClose().build();
        authenticate(script, token("tok-123"), method, v -> v.expectErrorSatisfies(e -> {
            assertThat(e).isInstanceOf(SaslAuthenticationException.class);
            assertThat(((SaslAuthenticationException) e).responseCode()).isEqualTo(status);
            assertThat(((SaslAuthenticationException) e).scope()).isEqualTo(scope);
            assertThat(e.getCause()).isInstanceOf(Pop3ErrException.class);
        }).verify(WAIT));
    }

    @Test
    @DisplayName("OAUTHBEARER accepted: the GS2 header and the token on the command line, +OK completes")
    void oauthBearer() throws Exception {
        Script script = greeted("OAUTHBEARER")
                .expectLine("AUTH OAUTHBEARER <gs2 + token>", l -> l.startsWith("AUTH OAUTHBEARER ")
                        && unb64(l.substring(17)).startsWith("n,a=alice@example.test,\u0001")
                        && unb64(l.substring(17)).contains("auth=Bearer tok-123\u0001\u0001"))
                .send("+OK\r\n").awaitClose().build();
        authenticate(script, token("tok-123"), Pop3AuthMethod.SASL_OAUTHBEARER, v -> v.expectComplete().verify(WAIT));
    }

    @Test
    @DisplayName("PLAIN with its initial response on the command line")
    void plainWithInitialResponse() throws Exception {
        authenticate(greeted("PLAIN").expectLine(PLAIN_IR).send("+OK\r\n").awaitClose().build(), ALICE,
                Pop3AuthMethod.SASL_PLAIN, v -> v.expectComplete().verify(WAIT));
    }

    @Test
    @DisplayName("PLAIN whose initial response would pass RFC 2449's 255 octets: AUTH PLAIN alone, and the response "
            + "answers the empty challenge \"+ \"")
    void plainWithoutInitialResponse() throws Exception {
        String user = "a".repeat(100);
        String password = "p".repeat(100);
        Account account = Account.builder("alice@example.test").credentials(CredentialsProvider.of(
                new Credentials.Password(user, password))).build();
        String response = b64("\u0000" + user + "\u0000" + password);
        assertThat(("AUTH PLAIN " + response + "\r\n").length()).isGreaterThan(255);
        Script script = greeted("PLAIN").expectLine("AUTH PLAIN").send("+ \r\n")
                .expectLine(response).send("+OK\r\n").awaitClose().build();
        authenticate(script, account, Pop3AuthMethod.SASL_PLAIN, v -> v.expectComplete().verify(WAIT));
    }

    @ParameterizedTest(name = "challenge \"+ {0}\"")
    @ValueSource(strings = {"", "=", "not base64!", "QUJD=", "QQ"})
    @DisplayName("a challenge that is empty where SCRAM needs data, \"=\", or not canonical base64: the client cancels "
            + "with \"*\" and fails with a ProtocolViolationException after the server's -ERR")
    void badChallenge(String challenge) throws Exception {
        ScramServer scram = new ScramServer("s3cret");
        Script script = greeted("SCRAM-SHA-256")
                .expectLine("client-first", l -> scram.clientFirst(l, SCRAM_AUTH))
                .send("+ " + challenge + "\r\n")
                .expectLine("*").send("-ERR cancelled\r\n").awaitClose().build();
        authenticate(script, ALICE, Pop3AuthMethod.SASL_SCRAM_SHA_256,
                v -> v.expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ProtocolViolationException.class)
                        .hasMessageNotContaining("s3cret")).verify(WAIT));
    }

    @Test
    @DisplayName("a second XOAUTH2 error challenge after the dummy answer: \"*\" and a ProtocolViolationException")
    void endlessChallenges() throws Exception {
        Script.Builder script = greeted("XOAUTH2").expectLine("AUTH XOAUTH2 <token>", l -> l.startsWith("AUTH XOAUTH2 "))
                .send("+ " + b64("{\"status\":\"401\"}") + "\r\n").expectLine("")
                .send("+ " + b64("{\"status\":\"401\"}") + "\r\n")
                .expectLine("*").send("-ERR cancelled\r\n");
        authenticate(script.awaitClose().build(), token("tok-123"), Pop3AuthMethod.SASL_XOAUTH2,
                v -> v.expectError(ProtocolViolationException.class).verify(WAIT));
    }
}
