/**
 * The built-in SASL mechanisms behind {@link io.deepmail.core.sasl.SaslMechanisms}; not exported,
 * not API.
 */
@NullMarked
package io.deepmail.core.internal.sasl;

import org.jspecify.annotations.NullMarked;
