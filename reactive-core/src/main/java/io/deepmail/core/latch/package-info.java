/**
 * Latching (REQUIREMENTS §3, LAT-*, EXT-*): what a server has shown about its security is
 * remembered per account and per endpoint, and can only go up.
 *
 * <p>The model is a set of immutable values whose {@code join} is commutative, associative and
 * idempotent and never lowers anything: {@link io.deepmail.core.latch.TagLatch},
 * {@link io.deepmail.core.latch.EndpointLatches} and {@link io.deepmail.core.latch.LatchState}.
 * Stores ({@link io.deepmail.core.latch.LatchStore}) persist them, and every write is such a join,
 * so concurrent writers never lose each other's raises. {@link io.deepmail.core.latch.LatchService}
 * applies the rules L1–L16, and {@link io.deepmail.core.latch.SecurityOperators} turns the check
 * into Reactor operators applied with {@code transform}.
 */
@NullMarked
package io.deepmail.core.latch;

import org.jspecify.annotations.NullMarked;
