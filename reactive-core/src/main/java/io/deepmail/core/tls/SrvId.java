package io.deepmail.core.tls;

/**
 * An SRV-ID reference identifier (RFC 4985, RFC 7817 §3): the service and the email domain an
 * account was discovered for through RFC 6186, matched against {@code SRVName} subject alternative
 * names (ID-03). Printed as {@code _imaps.example.com}.
 *
 * <p>The service is compared case-insensitively and the domain as a DNS-ID; an SRV-ID never
 * matches a wildcard.
 *
 * @param service the service name without underscore, e.g. {@code imaps}, {@code pop3s} or
 *     {@code submissions}; a leading underscore is dropped and upper-case letters are folded
 * @param domain the email domain, e.g. {@code example.com}: lower-case ASCII (A-labels), no
 *     trailing dot, no wildcard, as for {@link DnsId}
 * @since 0.1
 */
public record SrvId(String service, String domain) implements ServiceId {

    private static final int MAX_SERVICE = 15;

    /**
     * Validates the service name (RFC 6335 §5.1: 1 to 15 letters, digits and inner single
     * hyphens, at least one letter).
     *
     * @param service the service name, e.g. {@code imaps}
     * @param domain the email domain, e.g. {@code example.com}; upper-case letters are folded
     * @throws IllegalArgumentException when the service or the domain is invalid
     */
    public SrvId {
        String s = DnsNames.lowerAscii(service.startsWith("_") ? service.substring(1) : service);
        if (!validService(s)) {
            throw new IllegalArgumentException("invalid SRV service name '" + service + "'");
        }
        service = s;
        domain = DnsNames.requireReference(domain);
    }

    /**
     * Parses the printed form {@code _service.domain}.
     *
     * @param srvName e.g. {@code _imaps.example.com}
     * @return the identifier
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static SrvId parse(String srvName) {
        int dot = srvName.indexOf('.');
        if (!srvName.startsWith("_") || dot < 2) {
            throw new IllegalArgumentException("not an SRV name of the form _service.domain: '" + srvName + "'");
        }
        return new SrvId(srvName.substring(1, dot), srvName.substring(dot + 1));
    }

    /**
     * The domain part as a DNS-ID.
     *
     * @return the domain
     */
    public DnsId domainId() {
        return new DnsId(domain);
    }

    @Override
    public boolean matches(CertificatePattern presented) {
        return presented instanceof CertificatePattern.Srv srv
                && DnsNames.lowerAscii(srv.service()).equals(service)
                && DnsNames.matches(srv.name(), domain, false);
    }

    @Override
    public String type() {
        return "SRV-ID";
    }

    @Override
    public String toString() {
        return "_" + service + "." + domain;
    }

    private static boolean validService(String s) {
        if (s.isEmpty() || s.length() > MAX_SERVICE || s.startsWith("-") || s.endsWith("-") || s.contains("--")) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean isLetter = c >= 'a' && c <= 'z';
            if (!isLetter && !(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
            letter |= isLetter;
        }
        return letter;
    }
}
