/**
 * A runnable example; see the class Javadoc for its settings.
 */
@NullMarked
package io.deepmail.examples.pop3;

import org.jspecify.annotations.NullMarked;
