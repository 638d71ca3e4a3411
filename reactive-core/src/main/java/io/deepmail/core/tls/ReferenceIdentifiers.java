package io.deepmail.core.tls;

import io.deepmail.core.security.DiscoveryTrust;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The reference identifiers acceptable for one connection: the server certificate passes the
 * identity check when it presents any one of them (RFC 2595 §2.4, REQUIREMENTS §6.3). The
 * factories implement the table of REQUIREMENTS §6.1; none of them takes names from data that
 * was not secured, such as a CNAME target or an unsigned SRV target outside the email domain
 * (ID-02, ID-08).
 *
 * @param ids the identifiers, most specific first, without duplicates; never empty
 * @since 0.1
 */
public record ReferenceIdentifiers(List<ServiceId> ids) {

    /**
     * Validates the identifiers.
     *
     * @param ids one or more identifiers; duplicates are dropped, order is kept
     * @throws IllegalArgumentException when {@code ids} is empty
     */
    public ReferenceIdentifiers {
        ids = List.copyOf(new LinkedHashSet<>(ids));
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("at least one reference identifier is required");
        }
    }

    /**
     * Exactly the given identifiers.
     *
     * @param ids one or more identifiers
     * @return the set
     */
    public static ReferenceIdentifiers of(ServiceId... ids) {
        return new ReferenceIdentifiers(List.of(ids));
    }

    /**
     * A manually configured host: DNS-ID = the host as typed, without CNAME canonicalisation
     * (ID-02), or IP-ID when the host is an IP literal. Case and one trailing dot are normalised,
     * Unicode labels become A-labels.
     *
     * @param host the configured host, e.g. {@code imap.example.com} or {@code 192.0.2.1}
     * @return the set
     * @throws IllegalArgumentException when the host is neither a valid DNS name nor an IP literal
     */
    public static ReferenceIdentifiers forManualHost(String host) {
        return of(hostId(host));
    }

    /**
     * A manually configured host, also accepting the email domain: DNS-ID = the host as typed
     * (or IP-ID for a literal), and DNS-ID = the email domain (RFC 7817 §3 allows either).
     *
     * @param host the configured host
     * @param emailDomain the domain part of the user's address, e.g. {@code example.com}
     * @return the set
     * @throws IllegalArgumentException when the host or the domain is invalid
     */
    public static ReferenceIdentifiers forManualHost(String host, String emailDomain) {
        return of(hostId(host), DnsId.of(emailDomain));
    }

    /**
     * A target {@code T} found through RFC 6186 discovery for email domain {@code D} and service
     * {@code S}. Always accepted: DNS-ID = D and SRV-ID = {@code _S.D} (ID-03). DNS-ID = T is added
     * only when T can be trusted: the SRV answer was DNSSEC-secured, or T equals D or lies inside
     * it, or the user confirmed T (RFC 6186 §6, RFC 8314 §5.1; ID-08).
     *
     * @param emailDomain D, the domain part of the user's address
     * @param service S without underscore, e.g. {@code imaps}, {@code pop3s}, {@code submissions}
     * @param target T, the SRV target host
     * @param trust how the SRV answer was obtained: {@link DiscoveryTrust#SRV_SECURE} or
     *     {@link DiscoveryTrust#SRV_INSECURE}
     * @param userConfirmed whether the user confirmed T as the server for D
     * @return the set
     * @throws IllegalArgumentException when a name is invalid or {@code trust} is {@code MANUAL}
     */
    public static ReferenceIdentifiers forSrv(String emailDomain, String service, String target,
            DiscoveryTrust trust, boolean userConfirmed) {
        if (trust == DiscoveryTrust.MANUAL) {
            throw new IllegalArgumentException("a manual host is not an SRV target; use forManualHost");
        }
        DnsId domain = DnsId.of(emailDomain);
        DnsId host = DnsId.of(target);
        List<ServiceId> ids = new ArrayList<>(3);
        if (trust == DiscoveryTrust.SRV_SECURE || host.isInside(domain) || userConfirmed) {
            ids.add(host);
        }
        ids.add(domain);
        ids.add(new SrvId(service, domain.name()));
        return new ReferenceIdentifiers(ids);
    }

    private static ServiceId hostId(String host) {
        return IpId.isLiteral(host) ? IpId.parse(host) : DnsId.of(host);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ReferenceIdentifiers[");
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(ids.get(i).type()).append(' ').append(ids.get(i));
        }
        return sb.append(']').toString();
    }
}
