package io.deepmail.core.connect;

import io.deepmail.core.Endpoint;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.tls.ReferenceIdentifiers;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint a session may be opened on, with the names its certificate must carry and where
 * it came from.
 *
 * @param endpoint the endpoint
 * @param identifiers the reference identifiers for the identity check
 * @param trust where the endpoint came from
 * @param priority the SRV priority (lower first); 0 for configured endpoints
 * @param serviceDomain the email domain D whose secure SRV records named this endpoint, or {@code null}
 * @since 0.1
 */
public record Candidate(Endpoint endpoint, ReferenceIdentifiers identifiers, DiscoveryTrust trust, int priority,
        @Nullable String serviceDomain) {

    /**
     * Validates the candidate.
     *
     * @param endpoint the endpoint
     * @param identifiers the identifiers
     * @param trust the trust
     * @param priority the priority
     * @param serviceDomain the service domain, or {@code null}
     */
    public Candidate {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(identifiers, "identifiers");
        Objects.requireNonNull(trust, "trust");
    }

    /**
     * A candidate that did not come from secure SRV.
     *
     * @param endpoint the endpoint
     * @param identifiers the identifiers
     * @param trust the trust
     * @param priority the priority
     */
    public Candidate(Endpoint endpoint, ReferenceIdentifiers identifiers, DiscoveryTrust trust, int priority) {
        this(endpoint, identifiers, trust, priority, null);
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
