/**
 * The metrics recorder SPI. It carries no Micrometer types; the {@code metrics} module implements
 * it with Micrometer, and {@link io.deepmail.core.metrics.MailClientMetricsRecorder#NOOP} is the default.
 */
@NullMarked
package io.deepmail.core.metrics;

import org.jspecify.annotations.NullMarked;
