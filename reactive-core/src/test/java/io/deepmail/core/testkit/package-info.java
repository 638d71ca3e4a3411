/**
 * Test fixtures shared with the other modules through the {@code reactive-core} test-jar: the
 * in-process PKI, the scripted TLS server, the DNS test server, and the leak and BlockHound guards
 * every test JVM runs.
 */
@NullMarked
package io.deepmail.core.testkit;

import org.jspecify.annotations.NullMarked;
