package io.deepmail.core.transport;

import io.deepmail.core.Endpoint;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.TlsaRecord;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.tls.ReferenceIdentifiers;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to connect to, and who the server must prove to be.
 *
 * @param endpoint the endpoint; its host is sent as SNI and is a reference identifier
 * @param identifiers the reference identifiers the certificate must match (REQUIREMENTS §6.1)
 * @param discoveryTrust where the endpoint came from
 * @param address the socket address to connect to, or {@code null} to resolve the endpoint's host
 * @param tlsa the TLSA answer for this endpoint, or {@code null} when none was looked up; see
 *     {@link #withTlsa(DnsAnswer)}
 * @since 0.1
 */
public record ConnectRequest(Endpoint endpoint, ReferenceIdentifiers identifiers, DiscoveryTrust discoveryTrust,
        @Nullable InetSocketAddress address, @Nullable DnsAnswer<TlsaRecord> tlsa, @Nullable String serverName) {

    /**
     * Validates the request.
     *
     * @param endpoint the endpoint
     * @param identifiers the identifiers
     * @param discoveryTrust the trust
     * @param address the address, or {@code null}
     * @param tlsa the TLSA answer, or {@code null}
     * @param serverName the SNI host name when it is not the endpoint's host, or {@code null}
     */
    public ConnectRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(identifiers, "identifiers");
        Objects.requireNonNull(discoveryTrust, "discoveryTrust");
        if (address != null && address.getPort() != endpoint.port()) {
            throw new IllegalArgumentException("address port " + address.getPort() + " differs from endpoint port "
                    + endpoint.port());
        }
    }

    /**
     * A request without a TLSA answer: PKIX authenticates the server.
     *
     * @param endpoint the endpoint
     * @param identifiers the identifiers
     * @param discoveryTrust the trust
     * @param address the address, or {@code null}
     */
    public ConnectRequest(Endpoint endpoint, ReferenceIdentifiers identifiers, DiscoveryTrust discoveryTrust,
            @Nullable InetSocketAddress address) {
        this(endpoint, identifiers, discoveryTrust, address, null, null);
    }

    /**
     * A request with a TLSA answer and SNI on the endpoint's host.
     *
     * @param endpoint the endpoint
     * @param identifiers the identifiers
     * @param discoveryTrust the trust
     * @param address the address, or {@code null}
     * @param tlsa the TLSA answer, or {@code null}
     */
    public ConnectRequest(Endpoint endpoint, ReferenceIdentifiers identifiers, DiscoveryTrust discoveryTrust,
            @Nullable InetSocketAddress address, @Nullable DnsAnswer<TlsaRecord> tlsa) {
        this(endpoint, identifiers, discoveryTrust, address, tlsa, null);
    }

    /**
     * The same request, sending {@code name} as SNI instead of the endpoint's host
     * ({@code SniPolicy.SERVICE_DOMAIN}, RFC 7673 §4.1). The identity check is unchanged.
     *
     * @param name a DNS host name
     * @return a new request
     */
    public ConnectRequest withServerName(String name) {
        return new ConnectRequest(endpoint, identifiers, discoveryTrust, address, tlsa, Objects.requireNonNull(name));
    }

    /**
     * The name sent as SNI: the configured server name, or the endpoint's host (ID-09: the TLS
     * layer leaves SNI out for an IP literal).
     *
     * @return the SNI host
     */
    public String sni() {
        return serverName != null ? serverName : endpoint.host();
    }

    /**
     * A manually configured endpoint: the host as typed is the reference identifier (ID-02).
     *
     * @param endpoint the endpoint
     * @return the request
     */
    public static ConnectRequest manual(Endpoint endpoint) {
        return new ConnectRequest(endpoint, ReferenceIdentifiers.forManualHost(endpoint.host()), DiscoveryTrust.MANUAL,
                null);
    }

    /**
     * The same request, connecting to a given address instead of resolving the host. The host
     * still provides SNI and the reference identifiers.
     *
     * @param address the address
     * @return a new request
     */
    public ConnectRequest withAddress(InetSocketAddress address) {
        return new ConnectRequest(endpoint, identifiers, discoveryTrust, address, tlsa, serverName);
    }

    /**
     * The same request, with the TLSA answer for the endpoint: the RRset at
     * {@code _<port>._tcp.<host>} (RFC 6698 §3, RFC 7673 §3.3), looked up only when the host's address
     * records were DNSSEC-secure (DANE-02). What the answer does depends on its DNSSEC status
     * (REQUIREMENTS §7.1, §7.2):
     * <ul>
     *   <li>{@code SECURE} with at least one usable record: DANE authenticates the server instead of
     *       plain PKIX, in both TLS modes, and TLS is mandatory: a {@code PLAINTEXT} endpoint fails with
     *       {@link io.deepmail.core.TlsRequiredException} (DANE-04);</li>
     *   <li>{@code BOGUS} or {@code INDETERMINATE}: connecting fails with
     *       {@link io.deepmail.core.DnssecBogusException} before any TCP connection (DANE-03);</li>
     *   <li>{@code INSECURE}, a denial (NXDOMAIN, NODATA), or no usable record: as if there were no
     *       TLSA answer; PKIX decides (DANE-08).</li>
     * </ul>
     * SNI and the reference identifiers are unchanged: the endpoint's host stays the SNI, as
     * REQUIREMENTS §7.4 asks when a usable TLSA set exists.
     *
     * @param tlsa the TLSA answer, or {@code null} for none
     * @return a new request
     */
    public ConnectRequest withTlsa(@Nullable DnsAnswer<TlsaRecord> tlsa) {
        return new ConnectRequest(endpoint, identifiers, discoveryTrust, address, tlsa, serverName);
    }

    /**
     * The address to connect to: the given one, or the endpoint's host left for the resolver.
     *
     * @return the socket address
     */
    public InetSocketAddress socketAddress() {
        return address != null ? address : InetSocketAddress.createUnresolved(endpoint.host(), endpoint.port());
    }
}
