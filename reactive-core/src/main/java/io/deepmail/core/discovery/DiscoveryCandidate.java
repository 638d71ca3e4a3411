package io.deepmail.core.discovery;

import io.deepmail.core.Endpoint;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.tls.DnsId;
import io.deepmail.core.tls.ReferenceIdentifiers;
import java.util.Objects;

/**
 * One place discovery says an account's service can be reached, with how far it can be trusted
 * (REQUIREMENTS §5.3 step 7) and the names the server certificate may be checked against (§6.1):
 * <ul>
 *   <li>secure SRV answer: {@link DiscoveryTrust#SRV_SECURE}; DNS-ID = target, DNS-ID = domain,
 *       SRV-ID = {@code _service.domain};</li>
 *   <li>insecure SRV answer, target inside the domain: {@link DiscoveryTrust#SRV_INSECURE}, the same
 *       identifiers;</li>
 *   <li>insecure SRV answer, target outside the domain: {@link DiscoveryTrust#SRV_INSECURE} and
 *       {@code needsConfirmation}: the user must confirm the target before it is used (SRV-07),
 *       and until then the target is not a reference identifier (ID-08).</li>
 * </ul>
 *
 * @param endpoint protocol, target host, port and mode
 * @param domain the email domain D the candidate was discovered for
 * @param priority the SRV priority (lower is preferred)
 * @param weight the SRV weight
 * @param trust {@link DiscoveryTrust#SRV_SECURE} or {@link DiscoveryTrust#SRV_INSECURE}
 * @param needsConfirmation whether the user must confirm the target before it is used
 * @param referenceIdentifiers the identifiers the certificate may match
 * @since 0.1
 */
public record DiscoveryCandidate(Endpoint endpoint, String domain, int priority, int weight, DiscoveryTrust trust,
        boolean needsConfirmation, ReferenceIdentifiers referenceIdentifiers) {

    /**
     * Validates the candidate.
     *
     * @param endpoint the endpoint
     * @param domain the email domain
     * @param priority the priority
     * @param weight the weight
     * @param trust the trust
     * @param needsConfirmation whether confirmation is needed
     * @param referenceIdentifiers the reference identifiers
     */
    public DiscoveryCandidate {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(referenceIdentifiers, "referenceIdentifiers");
        if (trust == DiscoveryTrust.MANUAL) {
            throw new IllegalArgumentException("a discovered candidate is SRV_SECURE or SRV_INSECURE");
        }
        if (needsConfirmation && trust == DiscoveryTrust.SRV_SECURE) {
            throw new IllegalArgumentException("a DNSSEC-secured target needs no confirmation");
        }
    }

    /**
     * A candidate from one SRV target, with its trust and identifiers derived per REQUIREMENTS §6.1.
     *
     * @param label the SRV label
     * @param domain the email domain D
     * @param host the SRV target T
     * @param port the SRV port
     * @param priority the SRV priority
     * @param weight the SRV weight
     * @param secure whether the SRV RRset was DNSSEC-secured
     * @return the candidate
     * @throws IllegalArgumentException when the target is not a valid host name or the port is 0
     */
    public static DiscoveryCandidate of(ServiceLabel label, String domain, String host, int port, int priority,
            int weight, boolean secure) {
        Endpoint endpoint = new Endpoint(label.protocol(), host, port, label.mode());
        DiscoveryTrust trust = secure ? DiscoveryTrust.SRV_SECURE : DiscoveryTrust.SRV_INSECURE;
        ReferenceIdentifiers ids = ReferenceIdentifiers.forSrv(domain, label.serviceName(), endpoint.host(), trust,
                false);
        boolean confirm = !secure && !DnsId.of(endpoint.host()).isInside(DnsId.of(domain));
        return new DiscoveryCandidate(endpoint, domain, priority, weight, trust, confirm, ids);
    }

    /**
     * The SRV label the candidate came from.
     *
     * @return the label
     */
    public ServiceLabel label() {
        return ServiceLabel.of(endpoint.protocol(), endpoint.mode());
    }

    /**
     * The target host.
     *
     * @return the host name
     */
    public String host() {
        return endpoint.host();
    }

    /**
     * The port.
     *
     * @return the port
     */
    public int port() {
        return endpoint.port();
    }

    /**
     * Implicit TLS or STARTTLS.
     *
     * @return the mode
     */
    public TransportMode mode() {
        return endpoint.mode();
    }

    /**
     * This candidate once the user confirmed its target (REQUIREMENTS §5.3 step 7): no further
     * confirmation, and the target becomes a reference identifier (§6.1, second row).
     *
     * @return the confirmed candidate, or this one when no confirmation was needed
     */
    public DiscoveryCandidate confirmed() {
        if (!needsConfirmation) {
            return this;
        }
        return new DiscoveryCandidate(endpoint, domain, priority, weight, trust, false,
                ReferenceIdentifiers.forSrv(domain, label().serviceName(), endpoint.host(), trust, true));
    }
}
