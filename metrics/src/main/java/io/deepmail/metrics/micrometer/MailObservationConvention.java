package io.deepmail.metrics.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * A convention for deepmail's observations. Implement it to change their key values or contextual
 * names, and pass it to {@link MicrometerMailClientMetricsRecorder#observationConvention}; extend
 * {@link DefaultMailObservationConvention} to keep the defaults and add to them.
 *
 * @since 0.1
 */
public interface MailObservationConvention extends ObservationConvention<MailObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof MailObservationContext;
    }
}
