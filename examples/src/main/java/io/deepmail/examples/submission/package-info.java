/**
 * A runnable example; see the class Javadoc for its settings.
 */
@NullMarked
package io.deepmail.examples.submission;

import org.jspecify.annotations.NullMarked;
