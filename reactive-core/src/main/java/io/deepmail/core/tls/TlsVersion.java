package io.deepmail.core.tls;

import java.util.Optional;

/**
 * The TLS versions deepmail negotiates. There is deliberately no constant below TLS 1.2: SSL,
 * TLS 1.0 and TLS 1.1 can never be enabled (RFC 8996, RFC 8997; TLS-01, TLS-02).
 *
 * @since 0.1
 */
public enum TlsVersion {

    /** TLS 1.2 (RFC 5246), the floor. */
    TLS_1_2("TLSv1.2"),

    /** TLS 1.3 (RFC 8446), preferred. */
    TLS_1_3("TLSv1.3");

    private final String protocolName;

    TlsVersion(String protocolName) {
        this.protocolName = protocolName;
    }

    /**
     * The JSSE protocol name, as {@code SSLSession.getProtocol()} reports it.
     *
     * @return {@code "TLSv1.2"} or {@code "TLSv1.3"}
     */
    public String protocolName() {
        return protocolName;
    }

    /**
     * Maps a JSSE protocol name to a version deepmail accepts.
     *
     * @param protocolName for example {@code "TLSv1.3"}
     * @return the version, or empty for anything below TLS 1.2 or unknown
     */
    public static Optional<TlsVersion> fromProtocolName(String protocolName) {
        for (TlsVersion v : values()) {
            if (v.protocolName.equals(protocolName)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
