package io.deepmail.core.tls;

/**
 * The TLS implementation that handshook a session.
 *
 * @since 0.1
 */
public enum TlsProvider {

    /** BoringSSL through netty-tcnative. */
    BORINGSSL,

    /** The JDK's JSSE provider. */
    JDK,

    /** No TLS: a cleartext session. */
    NONE
}
