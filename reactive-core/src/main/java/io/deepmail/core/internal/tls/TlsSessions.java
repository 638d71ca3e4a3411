package io.deepmail.core.internal.tls;

import io.deepmail.core.Endpoint;
import io.deepmail.core.TlsNegotiationException;
import io.deepmail.core.security.CipherSuites;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.tls.TlsVersion;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;

/**
 * Turns a finished handshake into the connection's {@link SessionSecurity}, after checking that
 * what was negotiated is within policy (TLS-16). Runs on the event loop, before the first
 * application byte is written.
 */
public final class TlsSessions {

    private TlsSessions() {
    }

    /**
     * Checks the negotiated session and builds its security record.
     *
     * @param handler the handler whose handshake succeeded
     * @param context the TLS context it came from
     * @param verification the connection's verification state
     * @param endpoint the endpoint
     * @param remote the address connected to
     * @param trust where the endpoint came from
     * @return the record
     * @throws io.deepmail.core.TlsPolicyException when the session is outside policy or the peer
     *     cannot be verified
     */
    public static SessionSecurity establish(SslHandler handler, ClientTlsContext context, PeerVerification verification,
            Endpoint endpoint, InetSocketAddress remote, DiscoveryTrust trust) {
        SSLSession session = handler.engine().getSession();
        String protocol = session.getProtocol();
        if (TlsVersion.fromProtocolName(protocol).filter(v -> context.options().versions().contains(v)).isEmpty()) {
            throw new TlsNegotiationException("the server negotiated " + protocol + ", which the TLS policy does not "
                    + "allow (TLS 1.2 and 1.3 only)");
        }
        String suite = CipherSuites.ianaToken(session.getCipherSuite());
        if (!context.enabledCipherSuites().contains(suite)) {
            throw new TlsNegotiationException("the server negotiated cipher suite " + suite
                    + ", which the TLS policy does not allow");
        }
        List<X509Certificate> chain = peerChain(session);
        @Nullable VerifiedPeer peer = verification.result();
        if (peer == null) {
            // A resumed session skips the trust manager: verify the chain it carries now.
            peer = verification.verify(chain, "UNKNOWN");
        }
        return new SessionSecurity(endpoint, remote, context.provider(), protocol, suite, chain, peer.method(),
                peer.identityCompat(), trust);
    }

    private static List<X509Certificate> peerChain(SSLSession session) {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : session.getPeerCertificates()) {
                if (c instanceof X509Certificate x) {
                    chain.add(x);
                }
            }
            if (chain.isEmpty()) {
                throw new TlsNegotiationException("the server presented no X.509 certificate");
            }
            return chain;
        } catch (SSLPeerUnverifiedException e) {
            throw new TlsNegotiationException("the server presented no certificate", e);
        }
    }
}
