/**
 * Probe internals: one candidate at a time through the core connector, and the mapping of a
 * session or a typed failure to an {@link io.deepmail.probe.EndpointProbe}. Not exported.
 */
@NullMarked
package io.deepmail.probe.internal;

import org.jspecify.annotations.NullMarked;
