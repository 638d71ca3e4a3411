package io.deepmail.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.metrics.IdleEvent;
import io.deepmail.core.metrics.PoolGauges;
import io.deepmail.core.metrics.SubmissionOutcome;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** The IDLE, submission and pool meters: one gauge or counter per bounded tag set, never per session or pool. */
class ProtocolMetersUnitTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMailClientMetricsRecorder recorder = MicrometerMailClientMetricsRecorder.create(registry);

    private double gauge(String name) {
        Gauge gauge = registry.find(name).tag("protocol", "submission").gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    /** A pool whose sizes follow a counter: n acquired, 2n idle, 3n pending, 3n allocated. */
    private static PoolGauges pool(AtomicInteger n) {
        return new PoolGauges() {
            @Override
            public int acquired() {
                return n.get();
            }

            @Override
            public int idle() {
                return 2 * n.get();
            }

            @Override
            public int pendingAcquires() {
                return 3 * n.get();
            }

            @Override
            public int allocated() {
                return 3 * n.get();
            }
        };
    }

    @Test
    @DisplayName("IDLE: the gauge follows waits started and ended, refreshes are counted, one meter each")
    void idle() {
        recorder.recordIdle(MailProtocol.IMAP, IdleEvent.STARTED);
        recorder.recordIdle(MailProtocol.IMAP, IdleEvent.STARTED);
        recorder.recordIdle(MailProtocol.IMAP, IdleEvent.REFRESHED);
        recorder.recordIdle(MailProtocol.IMAP, IdleEvent.REFRESHED);
        recorder.recordIdle(MailProtocol.IMAP, IdleEvent.ENDED);
        assertThat(registry.get(MailMeterNames.IDLE_SESSIONS).tag("protocol", "imap").gauge().value()).isEqualTo(1);
        assertThat(registry.get(MailMeterNames.IDLE_REFRESHES).tag("protocol", "imap").counter().count()).isEqualTo(2);
        recorder.recordIdle(MailProtocol.IMAP, IdleEvent.ENDED);
        assertThat(registry.get(MailMeterNames.IDLE_SESSIONS).gauge().value()).isZero();
        assertThat(registry.getMeters()).hasSize(2);
    }

    @Test
    @DisplayName("submissions: messages and bytes by outcome")
    void submissions() {
        recorder.recordSubmission(SubmissionOutcome.ACCEPTED, 100);
        recorder.recordSubmission(SubmissionOutcome.ACCEPTED, 50);
        recorder.recordSubmission(SubmissionOutcome.REJECTED, 0);
        assertThat(registry.get(MailMeterNames.SUBMISSIONS).tag("outcome", "accepted").counter().count()).isEqualTo(2);
        assertThat(registry.get(MailMeterNames.SUBMISSIONS).tag("outcome", "rejected").counter().count()).isEqualTo(1);
        assertThat(registry.get(MailMeterNames.SUBMISSION_BYTES).tag("outcome", "accepted").counter().count())
                .isEqualTo(150);
        assertThat(registry.get(MailMeterNames.SUBMISSION_BYTES).counter().getId().getBaseUnit()).isEqualTo("bytes");
    }

    @Test
    @DisplayName("pools: four gauges per protocol summing every live pool, removed with the last pool")
    void pools() {
        AtomicInteger a = new AtomicInteger(1);
        AtomicInteger b = new AtomicInteger(2);
        Disposable first = recorder.registerPool(MailProtocol.SUBMISSION, pool(a));
        Disposable second = recorder.registerPool(MailProtocol.SUBMISSION, pool(b));
        assertThat(registry.getMeters()).hasSize(4);
        assertThat(gauge(MailMeterNames.POOL_ACQUIRED)).isEqualTo(3);
        assertThat(gauge(MailMeterNames.POOL_IDLE)).isEqualTo(6);
        assertThat(gauge(MailMeterNames.POOL_PENDING)).isEqualTo(9);
        assertThat(gauge(MailMeterNames.POOL_ALLOCATED)).isEqualTo(9);
        b.set(5);
        assertThat(gauge(MailMeterNames.POOL_ACQUIRED)).isEqualTo(6);
        second.dispose();
        second.dispose();
        assertThat(second.isDisposed()).isTrue();
        assertThat(gauge(MailMeterNames.POOL_ALLOCATED)).isEqualTo(3);
        first.dispose();
        assertThat(registry.getMeters()).isEmpty();
        Disposable again = recorder.registerPool(MailProtocol.SUBMISSION, pool(a));
        assertThat(gauge(MailMeterNames.POOL_IDLE)).isEqualTo(2);
        again.dispose();
        assertThat(registry.getMeters()).isEmpty();
    }
}
