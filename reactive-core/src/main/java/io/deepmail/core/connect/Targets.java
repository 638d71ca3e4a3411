package io.deepmail.core.connect;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.discovery.DiscoveryResult;
import io.deepmail.core.security.DiscoveryTrust;
import java.util.List;
import java.util.Objects;

/**
 * Where a protocol's sessions may be opened: a manual host (every well-known port is a
 * candidate, SRV-12), a mail URL, explicitly configured endpoints, or candidates from discovery.
 *
 * @param protocol the protocol
 * @param candidates the candidates, before planning
 * @since 0.1
 */
public record Targets(MailProtocol protocol, List<Candidate> candidates) {

    /**
     * Validates that every candidate speaks the protocol.
     *
     * @param protocol the protocol
     * @param candidates the candidates
     */
    public Targets {
        Objects.requireNonNull(protocol, "protocol");
        candidates = List.copyOf(candidates);
        for (Candidate c : candidates) {
            if (c.endpoint().protocol() != protocol) {
                throw new IllegalArgumentException(c.endpoint() + " is not a " + protocol + " endpoint");
            }
        }
    }

    /**
     * A manually configured host: Implicit TLS and STARTTLS on their well-known ports, raced.
     *
     * @param protocol the protocol
     * @param host the host, as the user typed it
     * @return the targets
     */
    public static Targets manual(MailProtocol protocol, String host) {
        return new Targets(protocol, List.of(
                Candidate.configured(Endpoint.of(protocol, host, TransportMode.IMPLICIT)),
                Candidate.configured(Endpoint.of(protocol, host, TransportMode.STARTTLS))));
    }

    /**
     * The one endpoint a mail URL names.
     *
     * @param url the URL
     * @return the targets
     */
    public static Targets url(MailUrl url) {
        return new Targets(url.protocol(), List.of(Candidate.configured(url.endpoint())));
    }

    /**
     * The candidates RFC 6186 discovery found for one protocol, in discovery order. A candidate
     * that still needs the user's confirmation keeps only the identifiers that do not depend on
     * its unsigned target (ID-08), so its certificate must name the email domain.
     *
     * @param result the discovery result
     * @param protocol the protocol
     * @return the targets
     */
    public static Targets discovered(DiscoveryResult result, MailProtocol protocol) {
        return new Targets(protocol, result.candidates(protocol).stream()
                .map(c -> new Candidate(c.endpoint(), c.referenceIdentifiers(), c.trust(), c.priority(),
                        c.trust() == DiscoveryTrust.SRV_SECURE ? c.domain() : null))
                .toList());
    }

    /**
     * Explicitly configured endpoints, for example non-standard ports.
     *
     * @param protocol the protocol
     * @param endpoints the endpoints
     * @return the targets
     */
    public static Targets endpoints(MailProtocol protocol, Endpoint... endpoints) {
        return new Targets(protocol, List.of(endpoints).stream().map(Candidate::configured).toList());
    }
}
