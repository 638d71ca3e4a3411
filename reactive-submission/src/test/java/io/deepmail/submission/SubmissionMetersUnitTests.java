package io.deepmail.submission;

import static io.deepmail.submission.SmtpServers.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.metrics.micrometer.MailMeterNames;
import io.deepmail.metrics.micrometer.MicrometerMailClientMetricsRecorder;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * With the Micrometer recorder, a pool against a scripted server creates exactly the documented
 * submission and pool meters: messages and bytes by outcome, and the four pool gauges while the pool lives.
 */
class SubmissionMetersUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Envelope ENVELOPE = Envelope.of("alice@example.test", "bob@example.test");
    private static final String BODY = "Subject: hi\r\n\r\nhello\r\n";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMailClientMetricsRecorder recorder = MicrometerMailClientMetricsRecorder.create(registry);

    private double pool(String name) {
        Gauge gauge = registry.find(name).tag("protocol", "submission").gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private List<Double> gauges() {
        return List.of(pool(MailMeterNames.POOL_ALLOCATED), pool(MailMeterNames.POOL_ACQUIRED),
                pool(MailMeterNames.POOL_IDLE), pool(MailMeterNames.POOL_PENDING));
    }

    private double counter(String name, String outcome) {
        var counter = registry.find(name).tag("outcome", outcome).counter();
        return counter == null ? Double.NaN : counter.count();
    }

    @Test
    @DisplayName("one message accepted and one refused at RCPT on one pooled connection; gauges while borrowed, "
            + "waiting and idle, removed on dispose")
    void acceptedRejectedAndPoolGauges() throws Exception {
        Script script = SmtpServers.authenticated("AUTH PLAIN")
                .expectLine("MAIL FROM:<alice@example.test>").send("250 ok\r\n")
                .expectLine("RCPT TO:<bob@example.test>").send("250 ok\r\n")
                .expectLine("DATA").send("354 go\r\n")
                .expectLine("Subject: hi").expectLine("").expectLine("hello").expectLine(".")
                .send("250 2.0.0 Ok: queued as Q0001\r\n")
                .expectLine("MAIL FROM:<alice@example.test>").send("250 ok\r\n")
                .expectLine("RCPT TO:<bob@example.test>").send("550 5.1.1 no such user\r\n")
                .expectLine("QUIT").send("221 bye\r\n").awaitClose().build();
        try (ScriptedTlsServer server = SmtpServers.implicit(script)) {
            Targets targets = SmtpServers.targets(server, TransportMode.IMPLICIT);
            SubmissionPool pool = SmtpServers.client(RESOURCES.get(), recorder)
                    .pool(PoolOptions.defaults().withMaxConnections(1));
            Sinks.One<ByteBuf> held = Sinks.one();
            CompletableFuture<SubmissionResult> first = pool.send(SmtpServers.ALICE, targets, ENVELOPE,
                    held.asMono().flux()).toFuture();
            CompletableFuture<SubmissionResult> second = pool.send(SmtpServers.ALICE, targets, ENVELOPE,
                    Flux.defer(() -> Flux.just(Unpooled.copiedBuffer("x\r\n", StandardCharsets.US_ASCII))))
                    .toFuture();
            await(() -> gauges().equals(List.of(1.0, 1.0, 0.0, 1.0)));
            held.tryEmitValue(Unpooled.copiedBuffer(BODY, StandardCharsets.US_ASCII));
            assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS).queueId()).isEqualTo("Q0001");
            assertThat(catchThrowable(() -> second.get(WAIT.toSeconds(), TimeUnit.SECONDS)))
                    .hasCauseInstanceOf(SmtpReplyException.class);
            await(() -> gauges().equals(List.of(1.0, 0.0, 1.0, 0.0)));
            assertThat(counter(MailMeterNames.SUBMISSIONS, "accepted")).isEqualTo(1);
            assertThat(counter(MailMeterNames.SUBMISSION_BYTES, "accepted")).isEqualTo(BODY.length());
            assertThat(counter(MailMeterNames.SUBMISSIONS, "rejected")).isEqualTo(1);
            assertThat(counter(MailMeterNames.SUBMISSION_BYTES, "rejected")).isZero();
            assertThat(registry.find(MailMeterNames.SUBMISSIONS).counters()).hasSize(2);
            pool.disposeLater().block(WAIT);
            server.awaitScriptDone(WAIT);
            assertThat(registry.find("mail.client.pool.allocated").gauges()).isEmpty();
            assertThat(registry.getMeters()).noneMatch(m -> m.getId().getName().startsWith("mail.client.pool."));
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within %s", WAIT).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
