package io.deepmail.spring.autoconfigure;

import io.deepmail.core.latch.LatchService;
import io.deepmail.metrics.micrometer.MailMetricsOptions;
import io.deepmail.metrics.micrometer.MicrometerMailClientMetricsRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Micrometer recorder of the {@code metrics} module, when it and Micrometer are on the class path
 * and the application has a {@link MeterRegistry}.
 *
 * @since 0.1
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"io.deepmail.metrics.micrometer.MicrometerMailClientMetricsRecorder",
    "io.micrometer.core.instrument.MeterRegistry"})
@ConditionalOnBean(MeterRegistry.class)
public class DeepmailMetricsConfiguration {

    /**
     * The recorder, registering deepmail's meters in the registry.
     *
     * @param registry the registry
     * @param properties the properties
     * @return the recorder
     */
    @Bean
    @ConditionalOnMissingBean
    public MicrometerMailClientMetricsRecorder mailClientMetricsRecorder(MeterRegistry registry,
            DeepmailProperties properties) {
        return MicrometerMailClientMetricsRecorder.create(registry, MailMetricsOptions.builder()
                .hostTags(properties.getMetrics().isHostTags()).build());
    }

    /**
     * Lets the latch service report its events, without the auto-configuration naming a Micrometer type.
     *
     * @param recorder the recorder
     * @return the instrumenter
     */
    @Bean
    public Instrumenter deepmailLatchInstrumenter(MicrometerMailClientMetricsRecorder recorder) {
        return recorder::instrument;
    }

    /** Wraps a latch service so that its events reach the recorder. */
    @FunctionalInterface
    public interface Instrumenter {

        /**
         * The instrumented service.
         *
         * @param service the service
         * @return the service reporting to the recorder
         */
        LatchService instrument(LatchService service);
    }
}
