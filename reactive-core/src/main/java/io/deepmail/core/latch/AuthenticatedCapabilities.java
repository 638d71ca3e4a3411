package io.deepmail.core.latch;

import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import java.util.List;
import java.util.Objects;

/**
 * Capability data a protocol read after TLS came up and the server's certificate and identity were
 * verified (PKIX or DANE): the only input a {@link PolicyAdvertisementParser} ever gets (EXT-02,
 * RFC 2595 §3.1, RFC 3207 §4.2, RFC 9051 §11.3). It cannot be made for a cleartext, pinned or
 * unvalidated session, nor from capabilities learned before TLS.
 *
 * @since 0.1
 */
public final class AuthenticatedCapabilities {

    private final SessionSecurity security;
    private final List<String> lines;

    private AuthenticatedCapabilities(SessionSecurity security, List<String> lines) {
        this.security = security;
        this.lines = List.copyOf(lines);
    }

    /**
     * Wraps capability lines read inside an authenticated TLS session.
     *
     * @param security the session they were read in
     * @param lines the capability lines, as the protocol decoded them after TLS
     * @return the capabilities
     * @throws IllegalArgumentException when the session is not TLS with a PKIX- or DANE-verified server
     */
    public static AuthenticatedCapabilities of(SessionSecurity security, List<String> lines) {
        Objects.requireNonNull(security, "security");
        if (!isAuthenticated(security)) {
            throw new IllegalArgumentException("capabilities count only after TLS and the identity check (EXT-02): "
                    + security.logLine());
        }
        return new AuthenticatedCapabilities(security, lines);
    }

    /**
     * Whether capability data read in this session may feed the adapter.
     *
     * @param security the session
     * @return {@code true} for TLS with {@code CERT_PKIX} or {@code CERT_DANE}
     */
    public static boolean isAuthenticated(SessionSecurity security) {
        return security.has(SecurityTag.TLS)
                && (security.has(SecurityTag.CERT_PKIX) || security.has(SecurityTag.CERT_DANE));
    }

    /**
     * The session the capabilities were read in.
     *
     * @return the security record
     */
    public SessionSecurity security() {
        return security;
    }

    /**
     * The capability lines.
     *
     * @return the lines, unmodifiable
     */
    public List<String> lines() {
        return lines;
    }
}
