/**
 * Example WebFlux application on deepmail's Spring Boot auto-configuration.
 */
@NullMarked
package io.deepmail.examples.webflux;

import org.jspecify.annotations.NullMarked;
