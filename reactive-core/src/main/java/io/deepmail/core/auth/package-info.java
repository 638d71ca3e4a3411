/**
 * Credentials and their asynchronous providers. A provider is asked on every connect, and only
 * after the session has passed the TLS, identity, level and latch checks (REQUIREMENTS §3.3 L6).
 */
@NullMarked
package io.deepmail.core.auth;

import org.jspecify.annotations.NullMarked;
