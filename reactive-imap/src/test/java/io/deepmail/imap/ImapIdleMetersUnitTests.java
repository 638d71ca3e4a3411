package io.deepmail.imap;

import static io.deepmail.imap.ScriptedSessions.ALICE;
import static io.deepmail.imap.ScriptedSessions.CA;
import static io.deepmail.imap.ScriptedSessions.HOST;
import static io.deepmail.imap.ScriptedSessions.PLAIN_IR;
import static io.deepmail.imap.ScriptedSessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import io.deepmail.imap.response.Untagged;
import io.deepmail.metrics.micrometer.MailMeterNames;
import io.deepmail.metrics.micrometer.MicrometerMailClientMetricsRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;

/**
 * With the Micrometer recorder, an IDLE flux against a scripted server moves the documented IDLE
 * meters: the in-progress gauge while subscribed, and one refresh per re-issued IDLE.
 */
class ImapIdleMetersUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMailClientMetricsRecorder recorder = MicrometerMailClientMetricsRecorder.create(registry);

    private double inIdle() {
        Gauge gauge = registry.find(MailMeterNames.IDLE_SESSIONS).tag("protocol", "imap").gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private double refreshes() {
        Counter counter = registry.find(MailMeterNames.IDLE_REFRESHES).tag("protocol", "imap").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    @DisplayName("IDLE refreshed twice by the timer, then cancelled: gauge 1 while idling and 0 after, two refreshes")
    void idleGaugeAndRefreshes() throws Exception {
        Script script = Script.builder()
                .send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR IDLE] ready\r\n")
                .expectLine("A1 AUTHENTICATE PLAIN " + PLAIN_IR).send("A1 OK [CAPABILITY IMAP4rev1 IDLE] done\r\n")
                .expectLine("A2 SELECT INBOX").send("* 1 EXISTS\r\nA2 OK [READ-WRITE] selected\r\n")
                .expectLine("A3 IDLE").send("+ idling\r\n").expectLine("DONE").send("A3 OK refreshed\r\n")
                .expectLine("A4 IDLE").send("+ idling\r\n").expectLine("DONE").send("A4 OK refreshed\r\n")
                .expectLine("A5 IDLE").send("+ idling\r\n* 2 EXISTS\r\n").expectLine("DONE").send("A5 OK left\r\n")
                .expectLine("A6 LOGOUT").send("* BYE bye\r\nA6 OK done\r\n")
                .awaitClose().build();
        ImapClientOptions options = ImapClientOptions.defaults().mutate().idleRefresh(Duration.ofMillis(300)).build();
        MailTransport transport = recorder.instrument(MailTransport.create(RESOURCES.get())
                .tls(TlsOptions.builder().trustAnchors(TrustAnchors.of(CA.certificate())).build()));
        ImapClient client = ImapClient.create(transport).options(options)
                .resolver(AddressResolver.of(Map.of(HOST, List.of(InetAddress.getByName("127.0.0.1")))));
        try (ScriptedTlsServer server = ScriptedSessions.implicit(script)) {
            ImapSession session = client.connect(ALICE, ScriptedSessions.targets(server, TransportMode.IMPLICIT))
                    .block(WAIT);
            session.select("INBOX").block(WAIT);
            assertThat(inIdle()).isNaN();
            List<Untagged> seen = new CopyOnWriteArrayList<>();
            Disposable idle = session.idle().subscribe(seen::add);
            await(() -> inIdle() == 1.0);
            await(() -> !seen.isEmpty());
            assertThat(refreshes()).isEqualTo(2);
            assertThat(inIdle()).isEqualTo(1.0);
            idle.dispose();
            assertThat(inIdle()).isZero();
            session.logout().block(WAIT);
            server.awaitScriptDone(WAIT);
        }
        assertThat(refreshes()).isEqualTo(2);
        assertThat(registry.find(MailMeterNames.IDLE_SESSIONS).gauges()).hasSize(1);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within %s", WAIT).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
