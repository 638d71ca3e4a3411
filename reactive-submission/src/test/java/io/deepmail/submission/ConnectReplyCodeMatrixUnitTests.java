package io.deepmail.submission;

import static io.deepmail.submission.SmtpServers.ALICE;
import static io.deepmail.submission.SmtpServers.GREETING;
import static io.deepmail.submission.SmtpServers.WAIT;
import static io.deepmail.submission.SmtpServers.ehlo;
import static io.deepmail.submission.SubmissionSessionUnitTests.reason;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

/**
 * Every refusal code the issue lists, at each step of establishing a session: the greeting (465
 * and 587), EHLO (465, 587 before TLS, 587 inside TLS) and STARTTLS. A typed error, no hang, the
 * connection closed, and no AUTH, MAIL or RCPT byte sent.
 */
class ConnectReplyCodeMatrixUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final String EHLO = "EHLO [127.0.0.1]";
    private static final int[] CODES = {421, 450, 451, 452, 500, 501, 502, 503, 504, 530, 535, 550, 552, 554};

    enum Step {
        GREETING_465(TransportMode.IMPLICIT),
        GREETING_587(TransportMode.STARTTLS),
        EHLO_465(TransportMode.IMPLICIT),
        EHLO_587_CLEARTEXT(TransportMode.STARTTLS),
        STARTTLS_587(TransportMode.STARTTLS),
        EHLO_587_INSIDE_TLS(TransportMode.STARTTLS);

        final TransportMode mode;

        Step(TransportMode mode) {
            this.mode = mode;
        }
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Step step : Step.values()) {
            for (int code : CODES) {
                cases.add(Arguments.of(step, code));
            }
        }
        return cases;
    }

    private static Script script(Step step, String refusal) {
        Script.Builder b = Script.builder();
        switch (step) {
            case GREETING_465, GREETING_587 -> b.send(refusal);
            case EHLO_465, EHLO_587_CLEARTEXT -> b.send(GREETING).expectLine(EHLO).send(refusal);
            case STARTTLS_587 -> b.send(GREETING).expectLine(EHLO).send(ehlo("STARTTLS", "AUTH PLAIN"))
                    .expectLine("STARTTLS").send(refusal);
            case EHLO_587_INSIDE_TLS -> b.send(GREETING).expectLine(EHLO).send(ehlo("STARTTLS"))
                    .expectLine("STARTTLS").send("220 2.0.0 go\r\n").startTls().expectLine(EHLO).send(refusal);
            default -> throw new IllegalArgumentException(step.name());
        }
        return b.awaitClose().build();
    }

    @ParameterizedTest(name = "{1} at {0}")
    @MethodSource("cases")
    void refusal(Step step, int code) throws Exception {
        String refusal = code + " " + (code / 100) + ".0." + (code % 10) + " refused at " + step + "\r\n";
        ScriptedTlsServer server = step.mode == TransportMode.IMPLICIT ? SmtpServers.implicit(script(step, refusal))
                : SmtpServers.startTls(script(step, refusal));
        try (server) {
            SmtpServers.client(RESOURCES.get()).connect(ALICE, SmtpServers.targets(server, step.mode))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> {
                        Throwable reason = reason(e);
                        if (step == Step.STARTTLS_587 || step == Step.EHLO_587_CLEARTEXT) {
                            assertThat(reason).isInstanceOf(StartTlsUnavailableException.class);
                        }
                        if (step != Step.STARTTLS_587) {
                            SmtpReplyException r = step == Step.EHLO_587_CLEARTEXT
                                    ? (SmtpReplyException) reason.getCause() : (SmtpReplyException) reason;
                            assertThat(r.code()).isEqualTo(code);
                            assertThat(r.isTransient()).isEqualTo(code < 500);
                            assertThat(r.isPermanent()).isEqualTo(code >= 500);
                            assertThat(r.text()).contains("refused at " + step);
                        }
                    })
                    .verify(WAIT);
            ScriptedConnection c = server.awaitConnection(0, WAIT);
            c.awaitClosed(WAIT);
            server.awaitScriptDone(WAIT);
            String wire = new String(c.wireReceived(), StandardCharsets.ISO_8859_1);
            assertThat(wire).doesNotContain("AUTH").doesNotContain("MAIL FROM").doesNotContain("RCPT")
                    .doesNotContain("HELO ");
        }
    }
}
