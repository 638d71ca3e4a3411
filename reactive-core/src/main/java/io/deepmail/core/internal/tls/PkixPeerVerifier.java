package io.deepmail.core.internal.tls;

import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.tls.IdentityMatch;
import io.deepmail.core.tls.IdentityVerifier;
import io.deepmail.core.tls.ReferenceIdentifiers;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * PKIX authentication of a server: RFC 5280 path validation to the configured anchors first, then
 * the RFC 7817 name check against the connection's reference identifiers (ID-01). Either failure
 * is a typed {@link io.deepmail.core.TlsPolicyException}.
 */
public final class PkixPeerVerifier implements PeerVerifier {

    private final PkixValidator pkix;
    private final ReferenceIdentifiers identifiers;
    private final boolean cnIdCompatibility;

    /**
     * Creates the verifier of one connection.
     *
     * @param pkix the path validator for the configured anchors
     * @param identifiers the reference identifiers
     * @param cnIdCompatibility whether CN-ID is accepted (ID-06)
     */
    public PkixPeerVerifier(PkixValidator pkix, ReferenceIdentifiers identifiers, boolean cnIdCompatibility) {
        this.pkix = pkix;
        this.identifiers = identifiers;
        this.cnIdCompatibility = cnIdCompatibility;
    }

    @Override
    public VerifiedPeer verify(List<X509Certificate> chain, String authType) {
        pkix.validate(chain, authType);
        IdentityMatch match = IdentityVerifier.verify(chain.get(0), identifiers, cnIdCompatibility);
        return new VerifiedPeer(AuthenticationMethod.PKIX, match.viaCommonName(), match.reference().toString());
    }
}
