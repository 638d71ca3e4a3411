/**
 * The SASL mechanisms POP3 {@code AUTH} uses, behind {@link io.deepmail.pop3.internal.sasl.SaslClient};
 * to be replaced by the shared core SASL package.
 */
@NullMarked
package io.deepmail.pop3.internal.sasl;

import org.jspecify.annotations.NullMarked;
