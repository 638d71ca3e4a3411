package io.deepmail.core.tls;

/**
 * Which TLS implementation handshakes. Both enforce the same {@link TlsOptions}; the one actually
 * used is recorded in every {@link io.deepmail.core.security.SessionSecurity}.
 *
 * @since 0.1
 */
public enum TlsProviderPreference {

    /** BoringSSL (netty-tcnative) when its native library loads on this platform, the JDK otherwise. */
    AUTO,

    /** BoringSSL only; building a context fails when it is not available. */
    BORINGSSL,

    /** The JDK's own JSSE provider. */
    JDK
}
