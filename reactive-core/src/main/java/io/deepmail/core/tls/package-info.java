/**
 * TLS policy in the user's words: which transport modes are acceptable ({@link io.deepmail.core.tls.TlsPolicy}),
 * the handshake parameters ({@link io.deepmail.core.tls.TlsOptions}) and the trust anchors
 * certificates are validated against (REQUIREMENTS §8), and the server identity check of
 * REQUIREMENTS §6: the reference identifiers a connection accepts
 * ({@link io.deepmail.core.tls.ReferenceIdentifiers}, made of {@link io.deepmail.core.tls.ServiceId}s)
 * matched against what the certificate presents by {@link io.deepmail.core.tls.IdentityVerifier}.
 */
@NullMarked
package io.deepmail.core.tls;

import org.jspecify.annotations.NullMarked;
