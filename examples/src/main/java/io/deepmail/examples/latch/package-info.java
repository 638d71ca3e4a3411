/**
 * A runnable example; see the class Javadoc for its settings.
 */
@NullMarked
package io.deepmail.examples.latch;

import org.jspecify.annotations.NullMarked;
