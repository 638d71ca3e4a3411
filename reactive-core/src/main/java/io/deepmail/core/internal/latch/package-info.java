/**
 * Implementation of latching: the pure rules, the gate operator, the event fan-out and the
 * stores. Not exported, not API.
 */
@NullMarked
package io.deepmail.core.internal.latch;

import org.jspecify.annotations.NullMarked;
