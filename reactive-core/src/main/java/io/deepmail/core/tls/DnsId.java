package io.deepmail.core.tls;

import java.net.IDN;

/**
 * A DNS-ID reference identifier: a host or domain name the certificate must present as a
 * {@code dNSName} (ID-04), or, with the CN-ID compatibility flag, as its common name (ID-06).
 *
 * <p>The name is held in lower-case ASCII, internationalised labels as A-labels, without a
 * trailing dot; it never holds a wildcard. Matching against a presented pattern is
 * case-insensitive, and a wildcard pattern covers exactly one whole left-most label (ID-07).
 *
 * @param name the name, e.g. {@code mail.example.com}; upper-case letters are folded
 * @since 0.1
 */
public record DnsId(String name) implements ServiceId {

    /**
     * Validates the name.
     *
     * @param name the name, e.g. {@code mail.example.com}; upper-case letters are folded
     * @throws IllegalArgumentException when the name is not an ASCII host name as described above
     */
    public DnsId {
        name = DnsNames.requireReference(name);
    }

    /**
     * Creates a DNS-ID from a name as a user typed it: one trailing dot is dropped and Unicode
     * labels are converted to A-labels.
     *
     * @param name e.g. {@code Mail.Example.com.} or {@code mail.bücher.example}
     * @return the identifier
     * @throws IllegalArgumentException when the name is not a valid host name
     */
    public static DnsId of(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return new DnsId(IDN.toASCII(n));
    }

    /**
     * Whether this name equals {@code domain} or is a subdomain of it.
     *
     * @param domain the enclosing domain
     * @return {@code true} when the name lies inside {@code domain}
     */
    public boolean isInside(DnsId domain) {
        return DnsNames.inside(name, domain.name);
    }

    @Override
    public boolean matches(CertificatePattern presented) {
        if (presented instanceof CertificatePattern.Dns dns) {
            return DnsNames.matches(dns.pattern(), name, true);
        }
        if (presented instanceof CertificatePattern.CommonName cn) {
            return DnsNames.matches(cn.value(), name, true);
        }
        return false;
    }

    @Override
    public String type() {
        return "DNS-ID";
    }

    @Override
    public String toString() {
        return name;
    }
}
