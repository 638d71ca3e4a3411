/** B6: JMH micro benchmarks of the codecs and the latch store. */
@NullMarked
package io.deepmail.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
