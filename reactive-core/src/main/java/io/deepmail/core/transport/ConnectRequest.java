package io.deepmail.core.transport;

import io.deepmail.core.Endpoint;
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
 * @since 0.1
 */
public record ConnectRequest(Endpoint endpoint, ReferenceIdentifiers identifiers, DiscoveryTrust discoveryTrust,
        @Nullable InetSocketAddress address) {

    /**
     * Validates the request.
     *
     * @param endpoint the endpoint
     * @param identifiers the identifiers
     * @param discoveryTrust the trust
     * @param address the address, or {@code null}
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
        return new ConnectRequest(endpoint, identifiers, discoveryTrust, address);
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
