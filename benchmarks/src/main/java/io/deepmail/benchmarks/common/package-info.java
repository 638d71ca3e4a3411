/** Shared pieces of the benchmark driver, servers and workers: options, PKI files, measurement. */
@NullMarked
package io.deepmail.benchmarks.common;

import org.jspecify.annotations.NullMarked;
