package io.deepmail.probe;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.security.SecurityTag;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one credential-free connection to one discovered endpoint showed.
 *
 * @param protocol the protocol
 * @param host the SRV target host
 * @param port the port
 * @param mode Implicit TLS or STARTTLS
 * @param discoveryTrust whether the SRV answer was DNSSEC-secure (SRV-02)
 * @param needsConfirmation whether the target needs the user's confirmation before use (SRV-07)
 * @param tlsVersion the negotiated TLS version, or {@code null} when no session was established
 * @param cipher the negotiated suite as an RFC 8314 §4.3 token (TAG-07), or {@code null}
 * @param authentication how the server was authenticated, or {@code null} when no session was established
 * @param identity the certificate identity result
 * @param dane the DANE result
 * @param tags the security tags the session earned (TAG-01), empty without a session
 * @param level the confidentiality level (0 or 1, TAG-06), or {@code null} without a session
 * @param latencyMillis milliseconds from the start of the attempt to its outcome
 * @param error why the endpoint was refused or unreachable, or {@code null}
 * @param verdict the verdict for this endpoint
 * @since 0.1
 */
public record EndpointProbe(
        MailProtocol protocol,
        String host,
        int port,
        TransportMode mode,
        DiscoveryTrust discoveryTrust,
        boolean needsConfirmation,
        @Nullable String tlsVersion,
        @Nullable String cipher,
        @Nullable AuthenticationMethod authentication,
        IdentityResult identity,
        DaneResult dane,
        List<SecurityTag> tags,
        @Nullable Integer level,
        long latencyMillis,
        @Nullable ProbeError error,
        ProbeVerdict verdict) {

    /**
     * Validates the probe.
     *
     * @param protocol the protocol
     * @param host the host
     * @param port the port
     * @param mode the mode
     * @param discoveryTrust the trust
     * @param needsConfirmation whether confirmation is needed
     * @param tlsVersion the version
     * @param cipher the suite
     * @param authentication the authentication method
     * @param identity the identity result
     * @param dane the DANE result
     * @param tags the tags
     * @param level the level
     * @param latencyMillis the latency
     * @param error the error
     * @param verdict the verdict
     */
    public EndpointProbe {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(discoveryTrust, "discoveryTrust");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(dane, "dane");
        Objects.requireNonNull(verdict, "verdict");
        tags = List.copyOf(tags);
        if ((error == null) == (level == null)) {
            throw new IllegalArgumentException("a probe has either a session (with a level) or an error");
        }
    }
}
