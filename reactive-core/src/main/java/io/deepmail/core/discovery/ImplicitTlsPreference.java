package io.deepmail.core.discovery;

/**
 * How Implicit-TLS candidates are ordered against STARTTLS ones (REQUIREMENTS §5.4, SRV-10).
 *
 * @since 0.1
 */
public enum ImplicitTlsPreference {

    /**
     * The provider's priorities decide across labels (RFC 6186 §3.4); at equal priority Implicit
     * TLS goes first. The default.
     */
    AT_EQUAL_PRIORITY,

    /**
     * Every Implicit-TLS candidate before every STARTTLS one, whatever the priorities (RFC 8314
     * §5.2: connect using the most secure means available). Priorities still order candidates
     * within each mode.
     */
    STRICT
}
