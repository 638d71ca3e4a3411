package io.deepmail.core.internal.tls;

import io.deepmail.core.transport.ConnectRequest;

/**
 * Chooses how one connection's server is authenticated. The single place where that decision is
 * made, shared by Implicit TLS and STARTTLS.
 */
public final class PeerVerifiers {

    private PeerVerifiers() {
    }

    /**
     * The verification state for a new handshake of {@code request}.
     *
     * @param context the TLS context (trust anchors, CN-ID flag)
     * @param request the connection request (reference identifiers)
     * @return a fresh verification state
     */
    public static PeerVerification forRequest(ClientTlsContext context, ConnectRequest request) {
        return new PeerVerification(new PkixPeerVerifier(context.pkix(), request.identifiers(),
                context.options().cnIdCompatibility()));
    }
}
