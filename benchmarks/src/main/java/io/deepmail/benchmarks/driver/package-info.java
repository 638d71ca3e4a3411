/**
 * The benchmark driver: one invocation runs every scenario for every peer, each in a fresh JVM,
 * against a responder JVM, and writes JSON, CSV and a Markdown table of ratios.
 */
@NullMarked
package io.deepmail.benchmarks.driver;

import org.jspecify.annotations.NullMarked;
