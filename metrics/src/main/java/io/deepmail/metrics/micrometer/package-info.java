/**
 * Micrometer implementation of the deepmail metrics and observer SPI.
 *
 * <p>Empty until the metrics issue lands: no recorder exists yet.
 */
@NullMarked
package io.deepmail.metrics.micrometer;

import org.jspecify.annotations.NullMarked;
