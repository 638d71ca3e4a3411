package io.deepmail.metrics.micrometer;

import static io.deepmail.metrics.micrometer.Fixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.LatchViolationException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.latch.LatchPolicy;
import io.deepmail.core.latch.LatchService;
import io.deepmail.core.latch.LatchStores;
import io.deepmail.core.latch.SecurityOperators;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.tls.TlsVersion;
import io.deepmail.core.transport.MailTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The latch gate on real connections moves the latch counters: raised, confirmed, then violated. */
class LatchMetricsUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMailClientMetricsRecorder recorder = MicrometerMailClientMetricsRecorder.create(registry);
    private final MailTransport transport = Fixture.transport(RESOURCES.get(), recorder);
    private final LatchService latches = recorder.instrument(LatchService.create(LatchStores.inMemory())
            .policy(LatchPolicy.builder().versionCeiling(TlsVersion.TLS_1_3).build()));
    private final Account alice = Account.builder("alice@example.test")
            .credentials(() -> Mono.error(new AssertionError("no credentials in this test"))).build();

    private double latchEvents(String kind) {
        return registry.find(MailMeterNames.LATCH_EVENTS).tag("kind", kind).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @Test
    @DisplayName("LAT-06: a TLS 1.2 session on an endpoint latched NORMAL at TLS 1.3 counts a violation by property and state")
    void violation() throws Exception {
        Script script = Script.builder().send("* OK ready\r\n").awaitClose().build();
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(Fixture.Pki.SERVER.key(),
                Fixture.Pki.SERVER.chain()).implicitTls().script(script).start()) {
            var request = Fixture.request(server, TransportMode.IMPLICIT);
            transport.connect(request).transform(SecurityOperators.latch(latches, alice))
                    .flatMap(c -> c.close().thenReturn(true)).block(WAIT);
            assertThat(latchEvents("raised")).isPositive();
            latches.confirm(alice, request.endpoint()).block(WAIT);
            assertThat(latchEvents("confirmed")).isPositive();

            MailTransport tls12 = transport.tls(transport.tlsOptions().mutate().versions(TlsVersion.TLS_1_2).build());
            tls12.connect(request).transform(SecurityOperators.latch(latches, alice))
                    .as(StepVerifier::create).expectError(LatchViolationException.class).verify(WAIT);

            assertThat(latchEvents("violated")).isEqualTo(1);
            assertThat(registry.get(MailMeterNames.LATCH_FINDINGS).tag("property", "tls_version")
                    .tag("state", "normal").tag("severity", "abort").tag("protocol", "imap").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get(MailMeterNames.LATCH_EVENTS).tag("kind", "raised").tag("property", "cert_pkix")
                    .counter().count()).isEqualTo(1);
        }
    }
}
