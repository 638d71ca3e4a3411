package io.deepmail.metrics.micrometer;

import static io.deepmail.metrics.micrometer.Fixture.WAIT;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.CertificatePathException;
import io.deepmail.core.CommandFailedException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.metrics.MailPhase;
import io.deepmail.core.metrics.PhaseHandle;
import io.deepmail.core.sasl.SaslMutualAuthenticationException;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestPki;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** Observations start and stop around each phase with the documented key values. */
class ObservationUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();
    private static final Endpoint SUBMISSIONS = Endpoint.of(MailProtocol.SUBMISSION, "smtp.example.test",
            TransportMode.IMPLICIT);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final MicrometerMailClientMetricsRecorder recorder = MicrometerMailClientMetricsRecorder.create(meters)
            .observations(observations);

    private static ScriptedTlsServer server(Credential credential) throws Exception {
        return ScriptedTlsServer.builder().credential(credential.key(), credential.chain()).implicitTls()
                .script(Script.builder().send("* OK ready\r\n").awaitClose().build()).start();
    }

    @Test
    @DisplayName("a connection is observed as a connect, then a TLS handshake, each started and stopped with low-cardinality keys only")
    void connectAndHandshake() throws Exception {
        try (ScriptedTlsServer server = server(Fixture.Pki.SERVER)) {
            Fixture.transport(RESOURCES.get(), recorder).connect(Fixture.request(server, TransportMode.IMPLICIT))
                    .flatMap(c -> c.close().thenReturn(true)).block(WAIT);
        }
        assertThat(observations).hasNumberOfObservationsEqualTo(2)
                .hasObservationWithNameEqualTo(MailMeterNames.CONNECT_OBSERVATION).that()
                .hasBeenStarted().hasBeenStopped().hasContextualNameEqualTo("imap connect")
                .hasLowCardinalityKeyValue("protocol", "imap").hasLowCardinalityKeyValue("mode", "implicit")
                .hasLowCardinalityKeyValue("outcome", "success").hasLowCardinalityKeyValue("error", "none")
                .doesNotHaveHighCardinalityKeyValueWithKey("host");
        assertThat(observations).hasObservationWithNameEqualTo(MailMeterNames.TLS_HANDSHAKE_OBSERVATION).that()
                .hasBeenStarted().hasBeenStopped().hasContextualNameEqualTo("imap tls handshake")
                .hasLowCardinalityKeyValue("outcome", "success").doesNotHaveError();
    }

    @Test
    @DisplayName("a handshake refused for an untrusted certificate stops its observation with the error")
    void handshakeFailure() throws Exception {
        Credential untrusted = TestPki.unknownRoot().leaf().dns(Fixture.HOST).issue();
        try (ScriptedTlsServer server = server(untrusted)) {
            Fixture.transport(RESOURCES.get(), recorder).connect(Fixture.request(server, TransportMode.IMPLICIT))
                    .as(StepVerifier::create).expectError(CertificatePathException.class).verify(WAIT);
        }
        assertThat(observations).hasObservationWithNameEqualTo(MailMeterNames.TLS_HANDSHAKE_OBSERVATION).that()
                .hasBeenStopped().hasLowCardinalityKeyValue("outcome", "failure")
                .hasLowCardinalityKeyValue("error", "CertificatePathException")
                .hasError();
    }

    @Test
    @DisplayName("host and port are high-cardinality keys only when the user opts in")
    void hostKeysOptIn() {
        var withHosts = MicrometerMailClientMetricsRecorder.create(meters, MailMetricsOptions.builder().hostTags(true)
                .build()).observations(observations);
        withHosts.startPhase(MailPhase.CONNECT, SUBMISSIONS, "").succeeded();
        assertThat(observations).hasSingleObservationThat()
                .hasHighCardinalityKeyValue("host", "smtp.example.test").hasHighCardinalityKeyValue("port", "465")
                .hasLowCardinalityKeyValue("protocol", "submission");
    }

    @Test
    @DisplayName("authentication and command phases carry mechanism and verb from fixed lists; authentication is also timed")
    void authenticationAndCommand() {
        recorder.startPhase(MailPhase.AUTHENTICATION, SUBMISSIONS, "plain").succeeded();
        PhaseHandle command = recorder.startPhase(MailPhase.COMMAND, SUBMISSIONS, "XCLIENT");
        command.failed(new TestCommandFailure());
        command.succeeded();
        assertThat(observations).hasObservationWithNameEqualTo(MailMeterNames.AUTHENTICATION_OBSERVATION).that()
                .hasBeenStopped().hasLowCardinalityKeyValue("mechanism", "PLAIN")
                .hasContextualNameEqualTo("submission authenticate PLAIN");
        assertThat(observations).hasObservationWithNameEqualTo(MailMeterNames.COMMAND_OBSERVATION).that()
                .hasBeenStopped().hasLowCardinalityKeyValue("verb", "other")
                .hasLowCardinalityKeyValue("outcome", "failure")
                .hasLowCardinalityKeyValue("error", "CommandFailedException");
        assertThat(meters.get(MailMeterNames.AUTHENTICATION_DURATION).tag("mechanism", "PLAIN")
                .tag("outcome", "success").timer().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("a failed SASL exchange is timed as a failure and observed with the SASL failure's class")
    void authenticationFailure() {
        recorder.startPhase(MailPhase.AUTHENTICATION, SUBMISSIONS, "SCRAM-SHA-256")
                .failed(new SaslMutualAuthenticationException("SCRAM-SHA-256", "server signature", null));
        assertThat(observations).hasSingleObservationThat().hasBeenStopped()
                .hasLowCardinalityKeyValue("mechanism", "SCRAM-SHA-256")
                .hasLowCardinalityKeyValue("error", "SaslMutualAuthenticationException");
        assertThat(meters.get(MailMeterNames.AUTHENTICATION_DURATION).tag("outcome", "failure").timer().count())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("a cancelled phase stops once, as cancelled")
    void cancelled() {
        PhaseHandle handle = recorder.startPhase(MailPhase.TLS_HANDSHAKE, SUBMISSIONS, "");
        handle.cancelled();
        handle.failed(new IllegalStateException("late"));
        assertThat(observations).hasSingleObservationThat().hasBeenStopped()
                .hasLowCardinalityKeyValue("outcome", "cancelled").doesNotHaveError();
    }

    @Test
    @DisplayName("without an observation registry, connect and handshake phases cost nothing")
    void noObservationRegistry() {
        var plain = MicrometerMailClientMetricsRecorder.create(meters);
        assertThat(plain.startPhase(MailPhase.CONNECT, SUBMISSIONS, "")).isSameAs(PhaseHandle.NOOP);
        assertThat(plain.startPhase(MailPhase.AUTHENTICATION, SUBMISSIONS, "PLAIN")).isNotSameAs(PhaseHandle.NOOP);
    }

    @Test
    @DisplayName("a custom convention replaces the default one")
    void customConvention() {
        var custom = recorder.observationConvention(new DefaultMailObservationConvention() {
            @Override
            public KeyValues getLowCardinalityKeyValues(MailObservationContext context) {
                return super.getLowCardinalityKeyValues(context).and("tenant", "blue");
            }
        });
        custom.startPhase(MailPhase.CONNECT, SUBMISSIONS, "").succeeded();
        assertThat(observations).hasSingleObservationThat().hasLowCardinalityKeyValue("tenant", "blue")
                .hasLowCardinalityKeyValue("protocol", "submission").hasNameEqualTo(MailMeterNames.CONNECT_OBSERVATION);
    }

    /** A command failure as a protocol module would raise it. */
    private static final class TestCommandFailure extends CommandFailedException {
        private static final long serialVersionUID = 1L;

        TestCommandFailure() {
            super("XCLIENT refused", null);
        }

        @Override
        public boolean isTransient() {
            return false;
        }

        @Override
        public @Nullable String responseCode() {
            return null;
        }
    }
}
