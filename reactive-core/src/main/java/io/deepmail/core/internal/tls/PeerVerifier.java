package io.deepmail.core.internal.tls;

import io.deepmail.core.TlsPolicyException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Decides whether a server certificate chain authenticates the server of one connection. Runs
 * inside the TLS handshake (from the trust manager) or, for a resumed session, right after it;
 * always before the first application byte is written (REQUIREMENTS §10).
 */
@FunctionalInterface
public interface PeerVerifier {

    /**
     * Verifies the chain.
     *
     * @param chain the certificates the server sent, leaf first
     * @param authType the key exchange algorithm, as JSSE reports it
     * @return how the server was authenticated
     * @throws TlsPolicyException when the chain does not authenticate the server; never returns
     *     normally on failure (fail closed)
     */
    VerifiedPeer verify(List<X509Certificate> chain, String authType);
}
