/**
 * Spring Boot auto-configuration for deepmail: the shared {@link io.deepmail.core.MailResources}, the
 * latch store and service, the Micrometer recorder when a {@code MeterRegistry} exists, a
 * {@link io.deepmail.probe.MailProbe}, and the {@code deepmail.*} properties.
 */
@NullMarked
package io.deepmail.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
