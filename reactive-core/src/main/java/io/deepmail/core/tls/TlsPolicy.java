package io.deepmail.core.tls;

/**
 * How a connection brings up TLS. A closed choice, with no opportunistic value: every constant
 * either gets TLS or fails, except {@link #PLAINTEXT_UNSAFE}, which says what it is.
 *
 * @since 0.1
 */
public enum TlsPolicy {

    /**
     * TLS from the first byte (RFC 8314 §3), on 993/995/465. An attacker on the path can block
     * the connection but cannot strip TLS or inject plaintext: nothing is ever sent in cleartext.
     * The recommended policy.
     */
    IMPLICIT,

    /**
     * Cleartext connection upgraded with STARTTLS/STLS, which must succeed. Before TLS only
     * capability discovery and the STARTTLS command are sent; bytes injected after the server's
     * go-ahead abort the connection; capabilities are read again inside TLS. An attacker can
     * still block the upgrade (the connection then fails, never falls back) and can see that
     * the client asked for it.
     */
    STARTTLS_REQUIRED,

    /**
     * Implicit TLS raced against required STARTTLS, Implicit TLS with a head start (RFC 9051
     * §11.2, SRV-12). The first session that meets every policy and latch wins; the other is
     * cancelled. Protection equals the weaker of the two above, which is the STARTTLS one.
     */
    RACE,

    /**
     * No TLS. Passwords and mail cross the network in the clear, readable and changeable by
     * anyone on the path. Accepted only on a level-0 account with an explicit opt-in, for tests
     * and loopback servers.
     */
    PLAINTEXT_UNSAFE
}
