package io.deepmail.core.connect;

/**
 * Which name the TLS {@code server_name} carries for a candidate found through secure SRV
 * (REQUIREMENTS §7.4, DANE-10). A candidate with a usable TLSA set always sends its target host.
 *
 * @since 0.1
 */
public enum SniPolicy {

    /**
     * The host connected to, the SRV target T: what deployed mail clients send, and what providers
     * hosting many domains expect (RFC 8314 §4.4). The default.
     */
    CONNECT_HOST,

    /**
     * The service domain D (the user's email domain) for a secure SRV target without usable TLSA,
     * as RFC 7673 §4.1 describes. Reference identifiers do not change.
     */
    SERVICE_DOMAIN
}
