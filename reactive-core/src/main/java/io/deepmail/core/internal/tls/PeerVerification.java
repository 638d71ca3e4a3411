package io.deepmail.core.internal.tls;

import io.deepmail.core.TlsPolicyException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The verification state of one connection's handshake: the verifier to run, and its outcome.
 * Written by the trust manager on the event loop during the handshake, read after it.
 */
public final class PeerVerification {

    private final PeerVerifier verifier;
    private volatile @Nullable VerifiedPeer result;
    private volatile @Nullable TlsPolicyException failure;

    /**
     * Creates the state for one connection.
     *
     * @param verifier the verifier to run
     */
    public PeerVerification(PeerVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * Runs the verifier and remembers the outcome. Called by the trust manager.
     *
     * @param chain the server chain, leaf first
     * @param authType the JSSE auth type
     * @throws CertificateException carrying the typed failure as its cause, to abort the handshake
     */
    void verifyInHandshake(List<X509Certificate> chain, String authType) throws CertificateException {
        try {
            verify(chain, authType);
        } catch (TlsPolicyException e) {
            throw new CertificateException(e.getMessage(), e);
        }
    }

    /**
     * Runs the verifier and remembers the outcome.
     *
     * @param chain the server chain, leaf first
     * @param authType the JSSE auth type
     * @return the outcome
     * @throws TlsPolicyException when verification fails
     */
    public VerifiedPeer verify(List<X509Certificate> chain, String authType) {
        try {
            VerifiedPeer peer = verifier.verify(chain, authType);
            result = peer;
            return peer;
        } catch (TlsPolicyException e) {
            failure = e;
            throw e;
        } catch (RuntimeException e) {
            TlsPolicyException typed = new TlsPolicyException(
                    "certificate verification could not decide, so it failed closed: " + e, e);
            failure = typed;
            throw typed;
        }
    }

    /**
     * The outcome of a successful verification.
     *
     * @return the verified peer, or {@code null} when the verifier has not run (a resumed session)
     */
    public @Nullable VerifiedPeer result() {
        return result;
    }

    /**
     * The typed failure of an unsuccessful verification.
     *
     * @return the failure, or {@code null}
     */
    public @Nullable TlsPolicyException failure() {
        return failure;
    }
}
