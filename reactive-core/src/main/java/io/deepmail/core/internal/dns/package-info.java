/**
 * DNS on Netty's resolver: the {@link io.deepmail.core.dns.DnsLookup} implementation, the DNSSEC
 * status derivation, the TTL cache and the SRV/TLSA rdata parsers. Not exported.
 */
@NullMarked
package io.deepmail.core.internal.dns;

import org.jspecify.annotations.NullMarked;
