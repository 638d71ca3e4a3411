/**
 * TLS policy in the user's words: which transport modes are acceptable ({@link io.deepmail.core.tls.TlsPolicy}),
 * the handshake parameters ({@link io.deepmail.core.tls.TlsOptions}) and the trust anchors
 * certificates are validated against (REQUIREMENTS §8).
 */
@NullMarked
package io.deepmail.core.tls;

import org.jspecify.annotations.NullMarked;
