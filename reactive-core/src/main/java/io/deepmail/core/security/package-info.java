/**
 * What protected a session: security tags, the confidentiality level, and the one
 * {@link io.deepmail.core.security.SessionSecurity} record and
 * {@link io.deepmail.core.security.SessionSecurityEvent} emitted per connection (REQUIREMENTS §2, TAG-*).
 */
@NullMarked
package io.deepmail.core.security;

import org.jspecify.annotations.NullMarked;
