package io.deepmail.core.connect;

/**
 * How strongly Implicit TLS is preferred over STARTTLS when ordering candidates (SRV-10).
 *
 * @since 0.1
 */
public enum ImplicitTlsPreference {

    /**
     * Provider priorities first (RFC 6186 §3.4); at equal priority Implicit TLS goes first. The
     * default, so that a provider's stated preference is respected.
     */
    AT_EQUAL_PRIORITY,

    /**
     * Every Implicit-TLS candidate before every STARTTLS candidate, whatever the priorities
     * (RFC 8314 §5.2, "the most secure means available").
     */
    STRICT
}
