package io.deepmail.imap;

import static io.deepmail.imap.ScriptedSessions.ALICE;
import static io.deepmail.imap.ScriptedSessions.PLAIN_IR;
import static io.deepmail.imap.ScriptedSessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.deepmail.core.Account;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.sasl.AuthenticationUnavailableException;
import io.deepmail.core.sasl.SaslAuthenticationException;
import io.deepmail.core.sasl.SaslMutualAuthenticationException;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.ScramServer;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AUTHENTICATE on the shared SASL layer against scripted servers: SCRAM-SHA-256 with and without
 * SASL-IR (the server computes the exchange), the server signature checked on the tagged OK, the
 * {@code "*"} cancel on a client-side failure, the OAuth error explained on NO, and the LOGIN
 * command as the last resort only.
 */
class ImapAuthenticationUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final String CAPS = "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN AUTH=SCRAM-SHA-256%s] ready\r\n";

    private static ImapSession connect(ScriptedTlsServer server, Account account) throws Exception {
        return ScriptedSessions.client(RESOURCES).connect(account, ScriptedSessions.targets(server,
                TransportMode.IMPLICIT)).block(WAIT);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("SCRAM-SHA-256 is preferred over PLAIN; with SASL-IR the client-first rides on the command, the proof verifies, the server signature is checked")
    void scramWithSaslIr() throws Exception {
        ScramServer scram = new ScramServer("s3cret");
        Script script = Script.builder()
                .send(String.format(CAPS, " SASL-IR"))
                .expectLine("A1 AUTHENTICATE SCRAM-SHA-256 <client-first>",
                        l -> scram.clientFirst(l, "A1 AUTHENTICATE SCRAM-SHA-256 "))
                .sendComputed(() -> "+ " + scram.serverFirst() + "\r\n")
                .expectLine("client-final", scram::clientFinal)
                .sendComputed(() -> "+ " + scram.serverFinal() + "\r\n")
                .expectLine("")
                .send("A1 OK [CAPABILITY IMAP4rev1 IDLE] authenticated\r\n")
                .expectLine("A2 LOGOUT").send("* BYE\r\nA2 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = connect(server, ALICE);
            assertThat(session.state()).isEqualTo(ImapState.AUTHENTICATED);
            assertThat(scram.proofValid()).isTrue();
            assertThat(session.capabilities()).contains("IDLE");
            session.logout().block(WAIT);
            server.awaitScriptDone(WAIT);
            assertThat(server.connections().get(0).tlsReceivedText()).doesNotContain("s3cret");
        }
    }

    @Test
    @DisplayName("SCRAM-SHA-256 without SASL-IR: the empty first challenge gets the client-first, then the exchange as usual")
    void scramWithoutSaslIr() throws Exception {
        ScramServer scram = new ScramServer("s3cret");
        Script script = Script.builder()
                .send(String.format(CAPS, ""))
                .expectLine("A1 AUTHENTICATE SCRAM-SHA-256")
                .send("+ \r\n")
                .expectLine("client-first", l -> scram.clientFirst(l, ""))
                .sendComputed(() -> "+ " + scram.serverFirst() + "\r\n")
                .expectLine("client-final", scram::clientFinal)
                .sendComputed(() -> "+ " + scram.serverFinal() + "\r\n")
                .expectLine("")
                .send("A1 OK done\r\n")
                .expectLine("A2 CAPABILITY").send("* CAPABILITY IMAP4rev1\r\nA2 OK\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = connect(server, ALICE);
            assertThat(session.state()).isEqualTo(ImapState.AUTHENTICATED);
            assertThat(scram.proofValid()).isTrue();
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("a forged SCRAM server signature: the client answers \"*\", the server's BAD ends the command, SaslMutualAuthenticationException")
    void scramForgedSignature() throws Exception {
        ScramServer scram = new ScramServer("s3cret");
        Script script = Script.builder()
                .send(String.format(CAPS, " SASL-IR"))
                .expectLine("A1 AUTHENTICATE SCRAM-SHA-256 <client-first>",
                        l -> scram.clientFirst(l, "A1 AUTHENTICATE SCRAM-SHA-256 "))
                .sendComputed(() -> "+ " + scram.serverFirst() + "\r\n")
                .expectLine("client-final", scram::clientFinal)
                .sendComputed(() -> "+ " + scram.forgedServerFinal() + "\r\n")
                .expectLine("*")
                .send("A1 BAD cancelled\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            Throwable failure = catchThrowable(() -> connect(server, ALICE));
            assertThat(failure).isInstanceOf(SaslMutualAuthenticationException.class);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("a SCRAM server that reports OK without proving itself fails verifySuccess with SaslMutualAuthenticationException")
    void scramOkWithoutSignature() throws Exception {
        ScramServer scram = new ScramServer("s3cret");
        Script script = Script.builder()
                .send(String.format(CAPS, " SASL-IR"))
                .expectLine("A1 AUTHENTICATE SCRAM-SHA-256 <client-first>",
                        l -> scram.clientFirst(l, "A1 AUTHENTICATE SCRAM-SHA-256 "))
                .sendComputed(() -> "+ " + scram.serverFirst() + "\r\n")
                .expectLine("client-final", scram::clientFinal)
                .send("A1 OK welcome\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            Throwable failure = catchThrowable(() -> connect(server, ALICE));
            assertThat(failure).isInstanceOf(SaslMutualAuthenticationException.class);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("a challenge that is not base64 is answered with \"*\" and raised as ProtocolViolationException after the server's BAD")
    void badChallengeCancels() throws Exception {
        Script script = Script.builder()
                .send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n")
                .expectLine("A1 AUTHENTICATE PLAIN")
                .send("+ not*base64!\r\n")
                .expectLine("*")
                .send("A1 BAD cancelled\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            Throwable failure = catchThrowable(() -> connect(server, ALICE));
            assertThat(failure).isInstanceOf(ProtocolViolationException.class).hasMessageContaining("base64");
            server.awaitScriptDone(WAIT);
            assertThat(server.connections().get(0).tlsReceivedText()).doesNotContain(PLAIN_IR);
        }
    }

    @Test
    @DisplayName("OAUTHBEARER refused with the RFC 7628 JSON error: the dummy response, then NO becomes SaslAuthenticationException with status and scope")
    void oauthRefusalExplained() throws Exception {
        Account token = Account.builder("alice@example.test").credentials(CredentialsProvider.of(
                new Credentials.OAuth2Token("alice@example.test", "tok-123"))).build();
        String json = "{\"status\":\"invalid_token\",\"scope\":\"mail\"}";
        Script script = Script.builder()
                .send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 AUTH=OAUTHBEARER SASL-IR] ready\r\n")
                .expectLine("AUTHENTICATE OAUTHBEARER with the token", l -> l.startsWith("A1 AUTHENTICATE OAUTHBEARER ")
                        && new String(Base64.getDecoder().decode(l.substring(28)), StandardCharsets.UTF_8)
                                .contains("auth=Bearer tok-123"))
                .send("+ " + b64(json) + "\r\n")
                .expectLine(b64("\u0001"))
                .send("A1 NO [AUTHENTICATIONFAILED] denied\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            Throwable failure = catchThrowable(() -> connect(server, token));
            assertThat(failure).isInstanceOf(SaslAuthenticationException.class);
            SaslAuthenticationException e = (SaslAuthenticationException) failure;
            assertThat(e.responseCode()).isEqualTo("invalid_token");
            assertThat(e.scope()).isEqualTo("mail");
            assertThat(e.getCause()).isInstanceOf(ImapNoException.class);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("a plain NO on PLAIN is the ImapNoException itself")
    void plainRefused() throws Exception {
        Script script = Script.builder()
                .send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\r\n")
                .expectLine("A1 AUTHENTICATE PLAIN " + PLAIN_IR)
                .send("A1 NO [AUTHENTICATIONFAILED] wrong\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            Throwable failure = catchThrowable(() -> connect(server, ALICE));
            assertThat(failure).isInstanceOf(ImapNoException.class);
            assertThat(((ImapNoException) failure).responseCode()).isEqualTo("AUTHENTICATIONFAILED");
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("no AUTH= mechanism and no LOGINDISABLED: the LOGIN command, as the last resort")
    void loginLastResort() throws Exception {
        Script script = Script.builder()
                .send("* OK [CAPABILITY IMAP4rev1] ready\r\n")
                .expectLine("A1 LOGIN alice s3cret")
                .send("A1 OK [CAPABILITY IMAP4rev1 MOVE] in\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = connect(server, ALICE);
            assertThat(session.capabilities()).contains("MOVE");
            session.close().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("a client preference of SCRAM-SHA-256 only: neither PLAIN nor the LOGIN command, AuthenticationUnavailableException")
    void preferenceExcludesRevealing() throws Exception {
        Script script = Script.builder()
                .send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\r\n")
                .awaitClose().build();
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            Throwable failure = catchThrowable(() -> ScriptedSessions.client(RESOURCES)
                    .options(ImapClientOptions.builder().saslMechanisms(List.of("SCRAM-SHA-256")).build())
                    .connect(ALICE, ScriptedSessions.targets(server, TransportMode.IMPLICIT)).block(WAIT));
            assertThat(failure).isInstanceOf(AuthenticationUnavailableException.class);
            server.awaitScriptDone(WAIT);
            assertThat(server.connections().get(0).tlsReceivedText()).isEmpty();
        }
    }
}
