package io.deepmail.core;

import java.net.IDN;
import java.util.Locale;
import java.util.Objects;

/**
 * One place a session can be opened: protocol, host, port and transport mode (REQUIREMENTS §1.4).
 * Host names are kept as given, lower-cased and without a trailing dot; they are never
 * CNAME-canonicalised, because the host as configured is a reference identifier (ID-02).
 *
 * @param protocol the mail protocol spoken on the endpoint
 * @param host the host name or IP literal to connect to
 * @param port the TCP port, 1-65535
 * @param mode how TLS is brought up
 * @since 0.1
 */
public record Endpoint(MailProtocol protocol, String host, int port, TransportMode mode) {

    /**
     * Validates and normalises the endpoint.
     *
     * @param protocol the mail protocol spoken on the endpoint
     * @param host the host name or IP literal to connect to
     * @param port the TCP port, 1-65535
     * @param mode how TLS is brought up
     */
    public Endpoint {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(mode, "mode");
        host = normalizeHost(Objects.requireNonNull(host, "host"));
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
        }
    }

    /**
     * An endpoint on the protocol's well-known port for the mode.
     *
     * @param protocol the mail protocol
     * @param host the host
     * @param mode the transport mode
     * @return the endpoint
     */
    public static Endpoint of(MailProtocol protocol, String host, TransportMode mode) {
        return new Endpoint(protocol, host, protocol.defaultPort(mode), mode);
    }

    private static String normalizeHost(String host) {
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (h.indexOf(':') >= 0) {
            return h.toLowerCase(Locale.ROOT);
        }
        return IDN.toASCII(h, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return protocol + " " + h + ":" + port + " (" + mode + ")";
    }
}
