/**
 * The {@code deepmail} command-line tool: {@code sandbox} (the default), {@code probe}, {@code connect},
 * {@code latches} and {@code audit}, on picocli.
 */
@NullMarked
package io.deepmail.cli;

import org.jspecify.annotations.NullMarked;
