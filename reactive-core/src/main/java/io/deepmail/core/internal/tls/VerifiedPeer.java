package io.deepmail.core.internal.tls;

import io.deepmail.core.security.AuthenticationMethod;
import java.util.Objects;

/**
 * The outcome of a successful {@link PeerVerifier#verify}.
 *
 * @param method how the server was authenticated
 * @param identityCompat whether the name matched only through the CN-ID compatibility flag
 * @param matchedIdentifier the reference identifier that matched, and for DANE the TLSA record that matched
 *     (a DANE-EE match checks no name), for diagnostics
 */
public record VerifiedPeer(AuthenticationMethod method, boolean identityCompat, String matchedIdentifier) {

    /**
     * Validates the outcome.
     *
     * @param method the method
     * @param identityCompat the compat flag
     * @param matchedIdentifier the identifier
     */
    public VerifiedPeer {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(matchedIdentifier, "matchedIdentifier");
    }
}
