/**
 * The measuring JVM: one peer, one scenario, warm-up then repetitions, results written as JSON for
 * the driver.
 */
@NullMarked
package io.deepmail.benchmarks.worker;

import org.jspecify.annotations.NullMarked;
