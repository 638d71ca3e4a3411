package io.deepmail.submission;

import static io.deepmail.submission.SmtpServers.ALICE;
import static io.deepmail.submission.SmtpServers.GREETING;
import static io.deepmail.submission.SmtpServers.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

/**
 * Every refusal code the issue lists, at every step after TLS: a typed {@link SmtpReplyException}
 * with the code, the enhanced status and the transient/permanent split; no hang; QUIT afterwards.
 */
class ReplyCodeMatrixUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final int[] CODES = {421, 450, 451, 452, 500, 501, 502, 503, 504, 530, 535, 550, 552, 554};
    private static final List<String> STEPS = List.of("AUTH", "MAIL", "RCPT", "DATA", "message");

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String step : STEPS) {
            for (int code : CODES) {
                cases.add(Arguments.of(step, code));
            }
        }
        return cases;
    }

    private static Script script(String step, int code) {
        String refusal = code + " " + (code / 100) + ".0." + (code % 10) + " refused at " + step + "\r\n";
        Script.Builder b = Script.builder().send(GREETING).expectLine("EHLO [127.0.0.1]")
                .send(SmtpServers.ehlo("ENHANCEDSTATUSCODES", "AUTH PLAIN")).expectLine(SmtpServers.AUTH_PLAIN);
        if (step.equals("AUTH")) {
            return b.send(refusal).expectLine("QUIT").send("221 bye\r\n").awaitClose().build();
        }
        b.send("235 ok\r\n").expectLine("MAIL FROM:<alice@example.test>");
        if (!step.equals("MAIL")) {
            b.send("250 ok\r\n").expectLine("RCPT TO:<bob@example.test>");
            if (!step.equals("RCPT")) {
                b.send("250 ok\r\n").expectLine("DATA");
                if (!step.equals("DATA")) {
                    b.send("354 go\r\n").expectLine("body").expectLine(".");
                }
            }
        }
        return b.send(refusal).expectLine("QUIT").send("221 bye\r\n").awaitClose().build();
    }

    @ParameterizedTest(name = "{1} at {0}")
    @MethodSource("cases")
    void refusal(String step, int code) throws Exception {
        try (ScriptedTlsServer server = SmtpServers.implicit(script(step, code))) {
            SmtpServers.client(RESOURCES.get()).send(ALICE, SmtpServers.targets(server, TransportMode.IMPLICIT),
                            Envelope.of("alice@example.test", "bob@example.test"),
                            SubmissionSessionUnitTests.body("body\r\n"))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(SmtpReplyException.class);
                        SmtpReplyException r = (SmtpReplyException) e;
                        assertThat(r.code()).isEqualTo(code);
                        assertThat(r.responseCode()).isEqualTo((code / 100) + ".0." + (code % 10));
                        assertThat(r.isTransient()).isEqualTo(code < 500);
                        assertThat(r.isPermanent()).isEqualTo(code >= 500);
                        assertThat(r.text()).contains("refused at " + step);
                    })
                    .verify(WAIT);
            server.awaitScriptDone(WAIT);
        }
    }
}
