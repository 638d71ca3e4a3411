package io.deepmail.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailResources;
import io.deepmail.core.latch.LatchService;
import io.deepmail.core.latch.LatchStore;
import io.deepmail.core.latch.LatchStores;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.metrics.micrometer.MicrometerMailClientMetricsRecorder;
import io.deepmail.probe.MailProbe;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Each condition of {@link DeepmailAutoConfiguration}, through {@link ApplicationContextRunner}. */
class DeepmailAutoConfigurationUnitTests {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DeepmailAutoConfiguration.class))
                .withPropertyValues("deepmail.latches.file=" + dir.resolve("latches.mv"));
    }

    @Test
    @DisplayName("defaults: shared resources, the embedded latch store in the configured file, a latch service and a probe")
    void defaults() {
        AtomicReference<MailResources> resources = new AtomicReference<>();
        runner().run(context -> {
            assertThat(context).hasSingleBean(MailResources.class).hasSingleBean(LatchStore.class)
                    .hasSingleBean(LatchService.class).hasSingleBean(MailProbe.class)
                    .doesNotHaveBean(MicrometerMailClientMetricsRecorder.class);
            assertThat(context.getBean(LatchStore.class).getClass().getSimpleName()).isEqualTo("EmbeddedLatchStore");
            assertThat(dir.resolve("latches.mv")).exists();
            MailProbe probe = context.getBean(MailProbe.class);
            assertThat(probe.timeout()).isEqualTo(MailProbe.DEFAULT_TIMEOUT);
            assertThat(probe.concurrency()).isEqualTo(MailProbe.DEFAULT_CONCURRENCY);
            resources.set(context.getBean(MailResources.class));
            assertThat(resources.get().isDisposed()).isFalse();
            assertThat(resources.get().maxHandshakesInFlight()).isEqualTo(MailResources.defaultMaxHandshakesInFlight());
        });
        assertThat(resources.get().isDisposed()).as("disposed when the context closes").isTrue();
    }

    @Test
    @DisplayName("B5: deepmail.tls.max-handshakes-in-flight bounds the shared resources' handshakes; 0 removes the bound")
    void handshakeBound() {
        runner().withPropertyValues("deepmail.tls.max-handshakes-in-flight=3").run(context ->
                assertThat(context.getBean(MailResources.class).maxHandshakesInFlight()).isEqualTo(3));
        runner().withPropertyValues("deepmail.tls.max-handshakes-in-flight=0").run(context ->
                assertThat(context.getBean(MailResources.class).maxHandshakesInFlight()).isZero());
    }

    @Test
    @DisplayName("deepmail.latches.store=memory gives the in-memory store")
    void memoryStore() {
        runner().withPropertyValues("deepmail.latches.store=memory").run(context ->
                assertThat(context.getBean(LatchStore.class).getClass().getSimpleName()).isEqualTo("InMemoryLatchStore"));
    }

    @Test
    @DisplayName("spring.data.redis configured and Lettuce present: the Redis store (connected lazily)")
    void redisWhenConfigured() {
        runner().withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=1").run(context -> {
            assertThat(context).hasSingleBean(LatchStore.class);
            assertThat(context.getBean(LatchStore.class).getClass().getSimpleName()).isEqualTo("RedisLatchStore");
        });
    }

    @Test
    @DisplayName("spring.data.redis.url alone also selects Redis")
    void redisFromUrl() {
        runner().withPropertyValues("spring.data.redis.url=redis://127.0.0.1:1/2").run(context ->
                assertThat(context.getBean(LatchStore.class).getClass().getSimpleName()).isEqualTo("RedisLatchStore"));
    }

    @Test
    @DisplayName("Redis configured but Lettuce absent: the embedded store")
    void embeddedWithoutLettuce() {
        runner().withClassLoader(new FilteredClassLoader(RedisClient.class))
                .withPropertyValues("spring.data.redis.host=127.0.0.1")
                .run(context -> assertThat(context.getBean(LatchStore.class).getClass().getSimpleName())
                        .isEqualTo("EmbeddedLatchStore"));
    }

    @Test
    @DisplayName("deepmail.latches.store=embedded wins over a configured Redis")
    void embeddedForced() {
        runner().withPropertyValues("deepmail.latches.store=embedded", "spring.data.redis.host=127.0.0.1")
                .run(context -> assertThat(context.getBean(LatchStore.class).getClass().getSimpleName())
                        .isEqualTo("EmbeddedLatchStore"));
    }

    @Test
    @DisplayName("deepmail.latches.store=redis without Lettuce fails at start-up, never silently embedded")
    void redisRequestedWithoutLettuce() {
        runner().withClassLoader(new FilteredClassLoader(RedisClient.class))
                .withPropertyValues("deepmail.latches.store=redis")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("lettuce-core"));
    }

    @Test
    @DisplayName("a MeterRegistry bean: the Micrometer recorder, used by the probe")
    void recorderWithMeterRegistry() {
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(MicrometerMailClientMetricsRecorder.class);
            assertThat(context.getBean(MailProbe.class).metricsRecorder())
                    .isSameAs(context.getBean(MicrometerMailClientMetricsRecorder.class));
        });
    }

    @Test
    @DisplayName("Micrometer recorder absent from the class path: no recorder, the context still starts")
    void noRecorderWithoutMetricsModule() {
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(MicrometerMailClientMetricsRecorder.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerMailClientMetricsRecorder.class);
                    assertThat(context.getBean(MailProbe.class).metricsRecorder().getClass().getName())
                            .doesNotContain("Micrometer");
                });
    }

    @Test
    @DisplayName("deepmail.probe, deepmail.dns and deepmail.tls bind into the probe")
    void probeProperties() throws Exception {
        TestCa ca = TestPki.rsa();
        Path pem = dir.resolve("ca.pem");
        Files.writeString(pem, ca.certificatePem());
        runner().withPropertyValues("deepmail.probe.timeout=3s", "deepmail.probe.concurrency=2",
                "deepmail.dns.trusted-resolver=127.0.0.1:5353", "deepmail.tls.trust-anchors=" + pem).run(context -> {
                    MailProbe probe = context.getBean(MailProbe.class);
                    assertThat(probe.timeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(probe.concurrency()).isEqualTo(2);
                    InetSocketAddress resolver = new InetSocketAddress("127.0.0.1", 5353);
                    assertThat(probe.dnsOptions().resolvers()).containsExactly(resolver);
                    assertThat(probe.dnsOptions().trusts(resolver.getAddress())).isTrue();
                    assertThat(probe.tlsOptions().trustAnchors()).isEqualTo(TrustAnchors.of(ca.certificate()));
                });
    }

    @Test
    @DisplayName("a malformed trusted resolver fails at start-up with the property's name")
    void badResolver() {
        runner().withPropertyValues("deepmail.dns.trusted-resolver=127.0.0.1").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("deepmail.dns.trusted-resolver"));
    }

    @Test
    @DisplayName("application beans win: its own resources and latch store are used")
    void backsOff() {
        MailResources own = MailResources.create();
        LatchStore store = LatchStores.inMemory();
        try {
            runner().withBean(MailResources.class, () -> own).withBean(LatchStore.class, () -> store).run(context -> {
                assertThat(context.getBean(MailResources.class)).isSameAs(own);
                assertThat(context.getBean(LatchStore.class)).isSameAs(store);
                assertThat(dir.resolve("latches.mv")).doesNotExist();
            });
        } finally {
            own.dispose();
        }
    }
}
