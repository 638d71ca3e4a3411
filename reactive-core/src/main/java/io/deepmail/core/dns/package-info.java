/**
 * Typed DNS answers with their DNSSEC status: SRV (RFC 2782, RFC 6186) and TLSA (RFC 6698).
 */
@NullMarked
package io.deepmail.core.dns;

import org.jspecify.annotations.NullMarked;
