package io.deepmail.core.connect;

import io.deepmail.core.Endpoint;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.tls.ReferenceIdentifiers;
import java.util.Objects;

/**
 * One endpoint a session may be opened on, with the names its certificate must carry and where
 * it came from.
 *
 * @param endpoint the endpoint
 * @param identifiers the reference identifiers for the identity check
 * @param trust where the endpoint came from
 * @param priority the SRV priority (lower first); 0 for configured endpoints
 * @since 0.1
 */
public record Candidate(Endpoint endpoint, ReferenceIdentifiers identifiers, DiscoveryTrust trust, int priority) {

    /**
     * Validates the candidate.
     *
     * @param endpoint the endpoint
     * @param identifiers the identifiers
     * @param trust the trust
     * @param priority the priority
     */
    public Candidate {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(identifiers, "identifiers");
        Objects.requireNonNull(trust, "trust");
    }

    /**
     * A configured endpoint: the host as typed is the reference identifier (ID-02).
     *
     * @param endpoint the endpoint
     * @return the candidate
     */
    public static Candidate configured(Endpoint endpoint) {
        return new Candidate(endpoint, ReferenceIdentifiers.forManualHost(endpoint.host()), DiscoveryTrust.MANUAL, 0);
    }
}
