/**
 * Runnable examples. {@link io.deepmail.examples.SecurityRecordExample} is the README's main job
 * until the command-line tool lands.
 */
@NullMarked
package io.deepmail.examples;

import org.jspecify.annotations.NullMarked;
