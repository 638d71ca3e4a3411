package io.deepmail.pop3;

import static io.deepmail.pop3.Pop3Fixture.ALICE;
import static io.deepmail.pop3.Pop3Fixture.PLAIN_IR;
import static io.deepmail.pop3.Pop3Fixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.pop3.response.ResponseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * RFC 3206 response codes at every step: each {@code -ERR} (with {@code [SYS/TEMP]},
 * {@code [SYS/PERM]}, {@code [AUTH]}, {@code [IN-USE]}, {@code [LOGIN-DELAY]} or no code) to the
 * greeting, {@code CAPA}, {@code STLS}, each authentication command and each mail command is a
 * {@link Pop3ErrException} carrying the parsed code, with its transient/permanent reading. The
 * connection is closed where the session cannot go on (greeting, {@code CAPA} with a code,
 * {@code STLS}, {@code QUIT}); elsewhere it stays in step, which the {@code NOOP} the script
 * expects next proves (so a refused {@code USER} is never followed by {@code PASS}). A plain
 * {@code -ERR} to {@code CAPA} is a server without CAPA (RFC 2449 §5): no capabilities, no error.
 */
class Pop3ErrCodeMatrixUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final String APOP_GREETING = "+OK ready <1896.697170952@dbc.mtview.ca.us>\r\n";
    private static final String[] CODES = {"[SYS/TEMP] ", "[SYS/PERM] ", "[AUTH] ", "[IN-USE] ", "[LOGIN-DELAY] ", ""};

    /** What the session does after the refusal. */
    enum After { CLOSED, IN_STEP, NO_CAPABILITIES }

    /**
     * One step: the script up to the command the server refuses, what the client does to get
     * there, the verb the exception names, and what becomes of the connection.
     */
    enum Step {
        GREETING(TransportMode.IMPLICIT, "greeting", s -> s, null),
        CAPA(TransportMode.IMPLICIT, "CAPA", s -> s.send("+OK ready\r\n").expectLine("CAPA"), null),
        STLS(TransportMode.STARTTLS, "STLS", s -> s.send("+OK ready\r\n").expectLine("CAPA")
                .send("+OK\r\nSTLS\r\n.\r\n").expectLine("STLS"), null),
        USER(TransportMode.IMPLICIT, "USER", s -> ready(s, "USER\r\n").expectLine("USER alice"),
                x -> x.authenticate(Pop3AuthMethod.USER_PASS)),
        PASS(TransportMode.IMPLICIT, "PASS", s -> ready(s, "USER\r\n").expectLine("USER alice").send("+OK\r\n")
                .expectLine("PASS s3cret"), x -> x.authenticate(Pop3AuthMethod.USER_PASS)),
        AUTH(TransportMode.IMPLICIT, "AUTH", s -> ready(s, "SASL PLAIN\r\n").expectLine(PLAIN_IR),
                x -> x.authenticate(Pop3AuthMethod.SASL_PLAIN)),
        APOP(TransportMode.PLAINTEXT, "APOP", s -> s.send(APOP_GREETING).expectLine("CAPA").send("-ERR\r\n")
                .expectLine("APOP alice <digest>", l -> l.matches("APOP alice [0-9a-f]{32}")),
                x -> x.authenticate(Pop3AuthMethod.APOP)),
        STAT(TransportMode.IMPLICIT, "STAT", s -> ready(s, "").expectLine("STAT"), Pop3Session::stat),
        LIST(TransportMode.IMPLICIT, "LIST", s -> ready(s, "").expectLine("LIST"), Pop3Session::list),
        UIDL(TransportMode.IMPLICIT, "UIDL", s -> ready(s, "").expectLine("UIDL 3"), x -> x.uidl(3)),
        TOP(TransportMode.IMPLICIT, "TOP", s -> ready(s, "").expectLine("TOP 1 5"), x -> x.top(1, 5).then()),
        RETR(TransportMode.IMPLICIT, "RETR", s -> ready(s, "").expectLine("RETR 2"), x -> x.retr(2).then()),
        DELE(TransportMode.IMPLICIT, "DELE", s -> ready(s, "").expectLine("DELE 1"), x -> x.dele(1)),
        RSET(TransportMode.IMPLICIT, "RSET", s -> ready(s, "").expectLine("RSET"), Pop3Session::rset),
        NOOP(TransportMode.IMPLICIT, "NOOP", s -> ready(s, "").expectLine("NOOP"), Pop3Session::noop),
        QUIT(TransportMode.IMPLICIT, "QUIT", s -> ready(s, "").expectLine("QUIT"), Pop3Session::quit);

        final TransportMode mode;
        final String verb;
        final Function<Script.Builder, Script.Builder> upTo;
        final @Nullable Function<Pop3Session, Mono<?>> action;

        Step(TransportMode mode, String verb, Function<Script.Builder, Script.Builder> upTo,
                @Nullable Function<Pop3Session, Mono<?>> action) {
            this.mode = mode;
            this.verb = verb;
            this.upTo = upTo;
            this.action = action;
        }

        After after(Optional<ResponseCode> code) {
            return switch (this) {
                case GREETING, STLS, QUIT -> After.CLOSED;
                case CAPA -> code.isPresent() ? After.CLOSED : After.NO_CAPABILITIES;
                default -> After.IN_STEP;
            };
        }
    }

    private static Script.Builder ready(Script.Builder s, String capabilities) {
        return s.send("+OK ready\r\n").expectLine("CAPA").send("+OK\r\n" + capabilities + ".\r\n");
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Step step : Step.values()) {
            for (String code : CODES) {
                cases.add(Arguments.of(step, code));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "-ERR {1}to {0}")
    @MethodSource("cases")
    void errIsTypedWithItsCode(Step step, String code) throws Exception {
        Optional<ResponseCode> expected = code.isEmpty() ? Optional.empty()
                : Optional.of(ResponseCode.of(code.substring(1, code.length() - 2)));
        After after = step.after(expected);
        Script.Builder script = step.upTo.apply(Script.builder()).send("-ERR " + code + "refused\r\n");
        if (after == After.IN_STEP) {
            script.expectLine("NOOP").send("+OK still in step\r\n");
        }
        Account account = step.mode == TransportMode.PLAINTEXT ? Pop3Fixture.cleartextAlice() : ALICE;
        try (ScriptedTlsServer server = step.mode == TransportMode.IMPLICIT
                ? Pop3Fixture.implicit(script.awaitClose().build()) : Pop3Fixture.cleartext(script.awaitClose().build())) {
            Pop3Client client = Pop3Fixture.client(RESOURCES.get());
            Throwable failure;
            Pop3Session session = null;
            if (step.action == null) {
                Mono<Pop3Session> connect = client.connect(account, Pop3Fixture.targets(server, step.mode));
                if (after == After.NO_CAPABILITIES) {
                    session = connect.block(WAIT);
                    assertThat(session.capabilities().stls()).isFalse();
                    assertThat(session.capabilities().saslMechanisms()).isEmpty();
                    session.close().block(WAIT);
                    server.awaitScriptDone(WAIT);
                    return;
                }
                failure = Pop3Fixture.reason(catchFailure(connect));
            } else {
                session = client.connect(account, Pop3Fixture.targets(server, step.mode)).block(WAIT);
                failure = catchFailure(step.action.apply(session));
            }
            if (step == Step.STLS) {
                assertThat(failure).isInstanceOf(StartTlsUnavailableException.class);
                failure = failure.getCause();
            }
            assertThat(failure).isInstanceOf(Pop3ErrException.class);
            Pop3ErrException err = (Pop3ErrException) failure;
            assertThat(err.command()).isEqualTo(step.verb);
            assertThat(err.code()).isEqualTo(expected);
            assertThat(err.text()).isEqualTo("refused");
            assertThat(err.isTransient()).isEqualTo(expected.map(ResponseCode::isTransient).orElse(false));
            assertThat(err.getMessage()).doesNotContain("s3cret");
            ScriptedConnection connection = server.awaitConnection(0, WAIT);
            if (after == After.CLOSED) {
                connection.awaitClosed(WAIT);
            } else {
                session.noop().block(WAIT);
                session.close().block(WAIT);
                server.awaitScriptDone(WAIT);
            }
        }
    }

    private static Throwable catchFailure(Mono<?> mono) {
        try {
            mono.block(WAIT);
        } catch (RuntimeException e) {
            return Exceptions.unwrap(e);
        }
        throw new AssertionError("expected a failure");
    }
}
