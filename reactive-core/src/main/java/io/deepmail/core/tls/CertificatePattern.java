package io.deepmail.core.tls;

import java.net.InetAddress;

/**
 * One identifier a server certificate presents (RFC 9525 "presented identifier"), as extracted
 * from its subject alternative names or subject. Values are kept as the certificate wrote them:
 * they are untrusted data, never validated on construction, and a malformed one simply matches
 * nothing.
 *
 * @since 0.1
 */
public sealed interface CertificatePattern {

    /**
     * The identifier kind in RFC 9525 terms.
     *
     * @return {@code DNS-ID}, {@code SRV-ID}, {@code URI-ID}, {@code IP-ID} or {@code CN-ID}
     */
    String type();

    /**
     * A {@code dNSName} subject alternative name, possibly a wildcard pattern.
     *
     * @param pattern the name as written, e.g. {@code mail.example.com} or {@code *.example.com}
     * @since 0.1
     */
    record Dns(String pattern) implements CertificatePattern {
        @Override
        public String type() {
            return "DNS-ID";
        }

        @Override
        public String toString() {
            return pattern;
        }
    }

    /**
     * An RFC 4985 {@code SRVName} subject alternative name, split into its parts.
     *
     * @param service the service label without the leading underscore, e.g. {@code imaps}
     * @param name the domain part, e.g. {@code example.com}
     * @since 0.1
     */
    record Srv(String service, String name) implements CertificatePattern {
        @Override
        public String type() {
            return "SRV-ID";
        }

        @Override
        public String toString() {
            return "_" + service + "." + name;
        }
    }

    /**
     * A {@code uniformResourceIdentifier} subject alternative name. Recorded for diagnostics and
     * never matched (ID-05).
     *
     * @param uri the URI as written
     * @since 0.1
     */
    record Uri(String uri) implements CertificatePattern {
        @Override
        public String type() {
            return "URI-ID";
        }

        @Override
        public String toString() {
            return uri;
        }
    }

    /**
     * An {@code iPAddress} subject alternative name.
     *
     * @param address the address
     * @since 0.1
     */
    record Ip(InetAddress address) implements CertificatePattern {
        @Override
        public String type() {
            return "IP-ID";
        }

        @Override
        public String toString() {
            return address.getHostAddress();
        }
    }

    /**
     * A common name of the certificate subject. Considered only with the CN-ID compatibility flag,
     * and only when the certificate presents no DNS-ID, SRV-ID or URI-ID (ID-06).
     *
     * @param value the attribute value as written
     * @since 0.1
     */
    record CommonName(String value) implements CertificatePattern {
        @Override
        public String type() {
            return "CN-ID";
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
