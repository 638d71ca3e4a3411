/**
 * {@code deepmail sandbox}: the client pipeline run against an embedded {@link io.deepmail.sandbox.Sandbox},
 * with every expectation checked and reported.
 */
@NullMarked
package io.deepmail.cli.sandbox;

import org.jspecify.annotations.NullMarked;
