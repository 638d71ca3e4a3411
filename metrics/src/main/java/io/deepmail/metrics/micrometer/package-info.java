/**
 * Micrometer implementation of the deepmail metrics and observer SPI:
 * {@link io.deepmail.metrics.micrometer.MicrometerMailClientMetricsRecorder}, the meters it registers
 * ({@link io.deepmail.metrics.micrometer.MailMeters}) and the observations it starts
 * ({@link io.deepmail.metrics.micrometer.MailObservations}), with every name in
 * {@link io.deepmail.metrics.micrometer.MailMeterNames}.
 */
@NullMarked
package io.deepmail.metrics.micrometer;

import org.jspecify.annotations.NullMarked;
