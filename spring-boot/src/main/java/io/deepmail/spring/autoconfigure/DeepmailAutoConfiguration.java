package io.deepmail.spring.autoconfigure;

import io.deepmail.core.MailResources;
import io.deepmail.core.latch.LatchService;
import io.deepmail.core.latch.LatchStore;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.probe.MailProbe;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * deepmail for Spring Boot: one shared {@link MailResources} (disposed on shutdown), the latch store
 * ({@link LatchStoreConfigurations}) and a {@link LatchService} on it, the Micrometer recorder when a
 * {@code MeterRegistry} exists ({@link DeepmailMetricsConfiguration}), and a {@link MailProbe}. Every
 * bean backs off when the application defines its own.
 *
 * @since 0.1
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure."
        + "CompositeMeterRegistryAutoConfiguration")
@EnableConfigurationProperties(DeepmailProperties.class)
@Import({DeepmailMetricsConfiguration.class, LatchStoreConfigurations.Redis.class, LatchStoreConfigurations.Local.class})
public class DeepmailAutoConfiguration {

    /**
     * The event loops every deepmail client of the application shares, with the configured bound
     * on TLS handshakes in flight ({@code deepmail.tls.max-handshakes-in-flight}).
     *
     * @param properties the deepmail properties
     * @return the resources, disposed when the context closes
     */
    @Bean(destroyMethod = "dispose")
    @ConditionalOnMissingBean
    public MailResources mailResources(DeepmailProperties properties) {
        MailResources resources = MailResources.create();
        Integer bound = properties.getTls().getMaxHandshakesInFlight();
        return bound == null ? resources : resources.maxHandshakesInFlight(bound);
    }

    /**
     * The latch service on the configured store, reporting latch events to the recorder when there is one.
     *
     * @param store the store
     * @param recorder the metrics recorder, if any
     * @return the service
     */
    @Bean
    @ConditionalOnMissingBean
    public LatchService latchService(LatchStore store, ObjectProvider<DeepmailMetricsConfiguration.Instrumenter> recorder) {
        LatchService service = LatchService.create(store);
        DeepmailMetricsConfiguration.Instrumenter instrumenter = recorder.getIfAvailable();
        return instrumenter != null ? instrumenter.instrument(service) : service;
    }

    /**
     * A probe with the {@code deepmail.probe}, {@code deepmail.dns} and {@code deepmail.tls} settings,
     * reporting to the metrics recorder when there is one.
     *
     * @param resources the resources
     * @param properties the properties
     * @param recorder the metrics recorder, if any
     * @return the probe
     */
    @Bean
    @ConditionalOnMissingBean
    public MailProbe mailProbe(MailResources resources, DeepmailProperties properties,
            ObjectProvider<MailClientMetricsRecorder> recorder) {
        MailProbe probe = MailProbe.create(resources)
                .timeout(properties.getProbe().getTimeout())
                .concurrency(properties.getProbe().getConcurrency());
        String resolver = properties.getDns().getTrustedResolver();
        if (resolver != null && !resolver.isBlank()) {
            probe = probe.trustedResolver(hostAndPort(resolver));
        }
        Path anchors = properties.getTls().getTrustAnchors();
        if (anchors != null) {
            probe = probe.trustAnchors(TrustAnchors.fromPem(anchors));
        }
        MailClientMetricsRecorder metrics = recorder.getIfAvailable();
        return metrics != null ? probe.metrics(metrics) : probe;
    }

    static InetSocketAddress hostAndPort(String value) {
        String v = value.strip();
        int colon = v.lastIndexOf(':');
        if (colon <= 0 || colon == v.length() - 1) {
            throw new IllegalArgumentException("deepmail.dns.trusted-resolver must be host:port, got \"" + value + "\"");
        }
        String host = v.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(v.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("deepmail.dns.trusted-resolver has no numeric port: \"" + value + "\"", e);
        }
        return new InetSocketAddress(host, port);
    }
}
