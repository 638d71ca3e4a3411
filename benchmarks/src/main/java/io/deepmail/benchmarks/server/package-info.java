/**
 * Fast in-repo IMAP, POP3 and SMTP responders with Implicit TLS and an optional per-round-trip
 * delay, run in their own JVM so that the client side is measured alone.
 */
@NullMarked
package io.deepmail.benchmarks.server;

import org.jspecify.annotations.NullMarked;
