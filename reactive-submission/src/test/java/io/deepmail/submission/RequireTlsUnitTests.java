package io.deepmail.submission;

import static io.deepmail.submission.SmtpServers.ALICE;
import static io.deepmail.submission.SmtpServers.GREETING;
import static io.deepmail.submission.SmtpServers.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** EXT-03: REQUIRETLS only when asked for, on a level-1 account, and advertised inside TLS. */
class RequireTlsUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Envelope IF_OFFERED = Envelope.builder("alice@example.test").to("bob@example.test")
            .requireTls(RequireTls.IF_OFFERED).build();

    private static Script sending(String mailFrom, String... keywords) {
        return SmtpServers.authenticated(keywords).expectLine(mailFrom).send("250 ok\r\n")
                .expectLine("RCPT TO:<bob@example.test>").send("250 ok\r\n").expectLine("DATA").send("354 go\r\n")
                .expectLine("x").expectLine(".").send("250 Ok: queued as Q1\r\n")
                .expectLine("QUIT").send("221 bye\r\n").awaitClose().build();
    }

    private static SubmissionResult send(ScriptedTlsServer server, Account account, Envelope envelope) {
        return SmtpServers.client(RESOURCES.get()).send(account, SmtpServers.targets(server, TransportMode.IMPLICIT),
                envelope, SubmissionSessionUnitTests.body("x\r\n")).block(WAIT);
    }

    @Test
    @DisplayName("EXT-03: advertised after TLS and asked for: MAIL FROM carries REQUIRETLS")
    void advertised() throws Exception {
        try (ScriptedTlsServer server = SmtpServers.implicit(sending("MAIL FROM:<alice@example.test> REQUIRETLS",
                "REQUIRETLS", "AUTH PLAIN"))) {
            assertThat(send(server, ALICE, IF_OFFERED).requireTls()).isTrue();
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("EXT-03: not advertised: the parameter is absent and the result says so")
    void notAdvertised() throws Exception {
        try (ScriptedTlsServer server = SmtpServers.implicit(sending("MAIL FROM:<alice@example.test>", "AUTH PLAIN"))) {
            assertThat(send(server, ALICE, IF_OFFERED).requireTls()).isFalse();
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("EXT-03: not asked for: no parameter even when advertised")
    void notAsked() throws Exception {
        try (ScriptedTlsServer server = SmtpServers.implicit(sending("MAIL FROM:<alice@example.test>", "REQUIRETLS",
                "AUTH PLAIN"))) {
            assertThat(send(server, ALICE, Envelope.of("alice@example.test", "bob@example.test")).requireTls())
                    .isFalse();
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("EXT-03: a level-0 account never sends REQUIRETLS")
    void levelZero() throws Exception {
        Account.Builder edit = ALICE.mutate();
        edit.lowerMinimumLevel(ConfidentialityLevel.NONE);
        try (ScriptedTlsServer server = SmtpServers.implicit(sending("MAIL FROM:<alice@example.test>", "REQUIRETLS",
                "AUTH PLAIN"))) {
            assertThat(send(server, edit.build(), IF_OFFERED).requireTls()).isFalse();
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("EXT-03: REQUIRED without the advertisement fails before MAIL FROM is written")
    void requiredMissing() throws Exception {
        Script script = Script.builder().send(GREETING).expectLine("EHLO [127.0.0.1]").send(SmtpServers.ehlo("AUTH PLAIN"))
                .expectLine(SmtpServers.AUTH_PLAIN).send("235 ok\r\n")
                .expectLine("QUIT").send("221 bye\r\n").awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.implicit(script)) {
            SmtpServers.client(RESOURCES.get()).send(ALICE, SmtpServers.targets(server, TransportMode.IMPLICIT),
                            IF_OFFERED.mutate().requireTls(RequireTls.REQUIRED).build(),
                            SubmissionSessionUnitTests.body("x"))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MissingExtensionException.class)
                            .extracting(x -> ((MissingExtensionException) x).extension()).isEqualTo("REQUIRETLS"))
                    .verify(WAIT);
            ScriptedConnection c = server.awaitScriptDone(WAIT);
            assertThat(c.tlsReceivedText()).doesNotContain("MAIL");
        }
    }

    @Test
    @DisplayName("an SMTPUTF8 envelope against a server without SMTPUTF8 fails before anything is written")
    void smtpUtf8Missing() throws Exception {
        Script script = Script.builder().send(GREETING).expectLine("EHLO [127.0.0.1]").send(SmtpServers.ehlo("AUTH PLAIN"))
                .expectLine(SmtpServers.AUTH_PLAIN).send("235 ok\r\n")
                .expectLine("QUIT").send("221 bye\r\n").awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.implicit(script)) {
            SmtpServers.client(RESOURCES.get()).send(ALICE, SmtpServers.targets(server, TransportMode.IMPLICIT),
                            Envelope.builder("alice@example.test").to("j\u00f6rg@example.test").smtpUtf8(true).build(),
                            SubmissionSessionUnitTests.body("x"))
                    .as(StepVerifier::create)
                    .expectError(MissingExtensionException.class)
                    .verify(WAIT);
            assertThat(server.awaitScriptDone(WAIT).tlsReceivedText()).doesNotContain("MAIL").doesNotContain("RCPT");
        }
    }
}
