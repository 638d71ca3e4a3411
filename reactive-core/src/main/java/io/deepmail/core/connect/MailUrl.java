package io.deepmail.core.connect;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A mail server URL, following deepmail's documented convention (REQUIREMENTS §4.4, EXT-05; not
 * an IETF standard): {@code imaps://}, {@code pops://} (alias {@code pop3s://}) and
 * {@code submissions://} mean Implicit TLS; {@code imap://}, {@code pop://} and
 * {@code submission://} mean STARTTLS, required while the account's level is at least 1; cleartext
 * only with an explicit {@code ?tls=none}, which only a level-0 account with consent may use.
 *
 * @param protocol the mail protocol
 * @param mode Implicit TLS, STARTTLS, or PLAINTEXT for {@code ?tls=none}
 * @param host the host, as written (lower-cased)
 * @param port the port; the protocol's well-known port for the mode when the URL has none
 * @param user the user name from the URL, if any (never a password)
 * @since 0.1
 */
public record MailUrl(MailProtocol protocol, TransportMode mode, String host, int port, @Nullable String user) {

    /**
     * Validates the URL parts.
     *
     * @param protocol the protocol
     * @param mode the mode
     * @param host the host
     * @param port the port
     * @param user the user, or {@code null}
     */
    public MailUrl {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(mode, "mode");
        host = new Endpoint(protocol, host, port, mode).host();
        if (user != null && user.isEmpty()) {
            user = null;
        }
    }

    /**
     * Parses a URL.
     *
     * @param url for example {@code imaps://alice@mail.example.com} or {@code pop://mail.example.com:1110}
     * @return the URL
     * @throws IllegalArgumentException naming what is wrong: unknown scheme, missing host, bad port,
     *     a password in the URL, an unknown {@code tls} value
     */
    public static MailUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(url, "url").strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        MailProtocol protocol = switch (scheme) {
            case "imap", "imaps" -> MailProtocol.IMAP;
            case "pop", "pops", "pop3", "pop3s" -> MailProtocol.POP3;
            case "submission", "submissions" -> MailProtocol.SUBMISSION;
            default -> throw new IllegalArgumentException("unknown mail URL scheme '" + scheme + "'; use imaps, imap, "
                    + "pops, pop3s, pop, submissions or submission");
        };
        boolean implicit = scheme.endsWith("s") && !"pop3".equals(scheme);
        TransportMode mode = implicit ? TransportMode.IMPLICIT : TransportMode.STARTTLS;
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            if (!"tls=none".equalsIgnoreCase(query)) {
                throw new IllegalArgumentException("unsupported URL query '" + query + "'; only tls=none is known");
            }
            if (implicit) {
                throw new IllegalArgumentException(scheme + ":// means Implicit TLS and cannot be combined with tls=none");
            }
            mode = TransportMode.PLAINTEXT;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("mail URL '" + url + "' has no host");
        }
        String userInfo = uri.getUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw new IllegalArgumentException("mail URLs must not carry a password; use a credentials provider");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !"/".equals(path)) {
            throw new IllegalArgumentException("mail URL '" + url + "' has a path; only scheme, user, host and port "
                    + "are used");
        }
        int port = uri.getPort() == -1 ? protocol.defaultPort(mode == TransportMode.IMPLICIT ? TransportMode.IMPLICIT
                : TransportMode.STARTTLS) : uri.getPort();
        return new MailUrl(protocol, mode, uri.getHost(), port, userInfo);
    }

    /**
     * The endpoint this URL names.
     *
     * @return the endpoint
     */
    public Endpoint endpoint() {
        return new Endpoint(protocol, host, port, mode);
    }

    /**
     * Formats the URL so that {@link #parse} gives this value back; the port is left out when it
     * is the well-known one.
     *
     * @return the URL text
     */
    public String format() {
        String scheme = switch (protocol) {
            case IMAP -> mode == TransportMode.IMPLICIT ? "imaps" : "imap";
            case POP3 -> mode == TransportMode.IMPLICIT ? "pops" : "pop";
            case SUBMISSION -> mode == TransportMode.IMPLICIT ? "submissions" : "submission";
        };
        TransportMode portMode = mode == TransportMode.IMPLICIT ? TransportMode.IMPLICIT : TransportMode.STARTTLS;
        StringBuilder sb = new StringBuilder(scheme).append("://");
        if (user != null) {
            sb.append(user).append('@');
        }
        sb.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host);
        if (port != protocol.defaultPort(portMode)) {
            sb.append(':').append(port);
        }
        if (mode == TransportMode.PLAINTEXT) {
            sb.append("?tls=none");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
