package io.deepmail.core.internal.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust manager of every deepmail client TLS context. It holds no trust decision of its own:
 * each {@link SSLEngine} is registered with the {@link PeerVerification} of its connection, and the
 * server chain is handed to it. An engine that is not registered, and every call without an engine,
 * is refused: there is no path on which a chain is accepted unchecked.
 */
final class RegistryTrustManager extends X509ExtendedTrustManager {

    private final Map<SSLEngine, PeerVerification> verifications = new ConcurrentHashMap<>();

    void register(SSLEngine engine, PeerVerification verification) {
        verifications.put(engine, verification);
    }

    void unregister(SSLEngine engine) {
        verifications.remove(engine);
    }


    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        PeerVerification verification = verifications.get(engine);
        if (verification == null) {
            throw new CertificateException("no verification registered for this TLS engine; refusing the chain");
        }
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        verification.verifyInHandshake(List.of(chain), authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("deepmail verifies only engine-based TLS sessions");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("deepmail verifies only engine-based TLS sessions");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("deepmail is a client and never accepts client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("deepmail is a client and never accepts client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("deepmail is a client and never accepts client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
