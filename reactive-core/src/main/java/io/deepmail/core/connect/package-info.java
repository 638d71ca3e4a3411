/**
 * From an account to one secure, verified session: mail URLs, candidate planning (SRV-05, SRV-10)
 * and the Implicit-TLS-versus-STARTTLS race (SRV-12).
 */
@NullMarked
package io.deepmail.core.connect;

import org.jspecify.annotations.NullMarked;
