package io.deepmail.imap;

import static io.deepmail.imap.ScriptedSessions.ALICE;
import static io.deepmail.imap.ScriptedSessions.HOST;
import static io.deepmail.imap.ScriptedSessions.PLAIN_IR;
import static io.deepmail.imap.ScriptedSessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailClientException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

/**
 * Login referrals (RFC 2221) and mailbox referrals (RFC 2193) are reported as
 * {@link ImapReferralException} carrying the URL and are never followed: a second scripted server,
 * the referral's target, sees no connection.
 */
class ImapReferralUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    /** How long the referral target is watched for a connection that must not come. */
    private static final Duration GRACE = Duration.ofMillis(500);

    private static String url(ScriptedTlsServer target, String path) {
        return "imap://alice@" + HOST + ":" + target.port() + "/" + path;
    }

    private static ScriptedTlsServer target() throws Exception {
        return ScriptedSessions.implicit(Script.builder().send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] other\r\n")
                .awaitClose().build());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"LOGIN", "AUTHENTICATE"})
    @DisplayName("a login referral (NO [REFERRAL ...]) on LOGIN or AUTHENTICATE is an ImapReferralException with the URL; no second connection")
    void loginReferral(String command) throws Exception {
        try (ScriptedTlsServer target = target()) {
            String referral = url(target, "");
            Script script = command.equals("LOGIN")
                    ? Script.builder().send("* OK [CAPABILITY IMAP4rev1] ready\r\n")
                            .expectLine("A1 LOGIN alice s3cret")
                            .send("A1 NO [REFERRAL " + referral + "] this user lives elsewhere\r\n").awaitClose().build()
                    : Script.builder().send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\r\n")
                            .expectLine("A1 AUTHENTICATE PLAIN " + PLAIN_IR)
                            .send("A1 NO [REFERRAL " + referral + "] this user lives elsewhere\r\n").awaitClose().build();
            try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
                AtomicReference<Throwable> failure = new AtomicReference<>();
                ScriptedSessions.client(RESOURCES).connect(ALICE, ScriptedSessions.targets(server, TransportMode.IMPLICIT))
                        .as(StepVerifier::create).expectErrorSatisfies(failure::set).verify(WAIT);
                assertThat(failure.get()).isInstanceOf(ImapReferralException.class).isInstanceOf(ImapNoException.class);
                ImapReferralException e = (ImapReferralException) failure.get();
                assertThat(e.url()).isEqualTo(referral);
                assertThat(e.isTransient()).isFalse();
                assertThat(e.text()).isEqualTo("this user lives elsewhere");
                server.awaitScriptDone(WAIT);
                Thread.sleep(GRACE.toMillis());
                assertThat(target.connections()).as("the referral is never followed").isEmpty();
                assertThat(server.connections()).as("and the referring server is not asked again").hasSize(1);
            }
        }
    }

    @Test
    @DisplayName("a mailbox referral on SELECT is an ImapReferralException, never followed, and the session stays usable")
    void selectReferral() throws Exception {
        try (ScriptedTlsServer target = target()) {
            String referral = url(target, "Shared/Team");
            Script script = Script.builder().send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\r\n")
                    .expectLine("A1 AUTHENTICATE PLAIN " + PLAIN_IR).send("A1 OK [CAPABILITY IMAP4rev1] in\r\n")
                    .expectLine("A2 SELECT Shared/Team")
                    .send("A2 NO [REFERRAL " + referral + "] Shared/Team is on another server\r\n")
                    .expectLine("A3 NOOP").send("A3 OK\r\n")
                    .awaitClose().build();
            try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
                ImapSession session = ScriptedSessions.client(RESOURCES)
                        .connect(ALICE, ScriptedSessions.targets(server, TransportMode.IMPLICIT)).block(WAIT);
                session.select("Shared/Team").as(StepVerifier::create)
                        .expectErrorSatisfies(e -> {
                            assertThat(e).isInstanceOf(ImapReferralException.class);
                            assertThat(((ImapReferralException) e).url()).isEqualTo(referral);
                            assertThat(((ImapReferralException) e).command()).startsWith("SELECT");
                        })
                        .verify(WAIT);
                assertThat(session.state()).isEqualTo(ImapState.AUTHENTICATED);
                session.noop().as(StepVerifier::create).expectComplete().verify(WAIT);
                session.close().block(WAIT);
                server.awaitScriptDone(WAIT);
                Thread.sleep(GRACE.toMillis());
                assertThat(target.connections()).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("a login referral on a successful LOGIN (OK [REFERRAL ...], RFC 2221 §4.1) is ignored: the session stays where it is")
    void okReferralIgnored() throws Exception {
        try (ScriptedTlsServer target = target()) {
            Script script = Script.builder().send("* OK [CAPABILITY IMAP4rev1] ready\r\n")
                    .expectLine("A1 LOGIN alice s3cret").send("A1 OK [REFERRAL " + url(target, "") + "] try there\r\n")
                    .expectLine("A2 CAPABILITY").send("* CAPABILITY IMAP4rev1\r\nA2 OK\r\n")
                    .expectLine("A3 NOOP").send("A3 OK\r\n")
                    .awaitClose().build();
            try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
                ImapSession session = ScriptedSessions.client(RESOURCES)
                        .connect(ALICE, ScriptedSessions.targets(server, TransportMode.IMPLICIT)).block(WAIT);
                assertThat(session.state()).isEqualTo(ImapState.AUTHENTICATED);
                session.noop().block(WAIT);
                session.close().block(WAIT);
                server.awaitScriptDone(WAIT);
                Thread.sleep(GRACE.toMillis());
                assertThat(target.connections()).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("a referral in a BYE greeting is an ImapByeException with the URL as its code argument; never followed")
    void byeGreetingReferral() throws Exception {
        try (ScriptedTlsServer target = target()) {
            String referral = url(target, "");
            try (ScriptedTlsServer server = ScriptedSessions.implicit(Script.builder()
                    .send("* BYE [REFERRAL " + referral + "] moved\r\n").awaitClose().build())) {
                MailClientException reason = ScriptedSessions.connectFails(ScriptedSessions.client(RESOURCES), server,
                        TransportMode.IMPLICIT);
                assertThat(reason).isInstanceOf(ImapByeException.class);
                assertThat(((ImapByeException) reason).responseCode()).isEqualTo("REFERRAL");
                assertThat(((ImapByeException) reason).responseCodeArgument()).isEqualTo(referral);
                Thread.sleep(GRACE.toMillis());
                assertThat(target.connections()).isEmpty();
                assertThat(server.connections()).hasSize(1);
            }
        }
    }
}
