package io.deepmail.core.tls;

/**
 * DNS name rules shared by the identifier types: validation of reference identifiers and the
 * RFC 9525 §6.3 matching of presented DNS patterns. Pure functions on ASCII strings.
 */
final class DnsNames {

    private static final int MAX_NAME = 253;
    private static final int MAX_LABEL = 63;

    private DnsNames() {
    }

    /**
     * Validates a reference DNS name and returns it in lower case.
     *
     * @param name a name such as {@code mail.example.com}
     * @return the lower-case name
     * @throws IllegalArgumentException when the name is not a lower-case-able ASCII host name of
     *     LDH labels (A-labels included), or ends with a dot, holds a wildcard or looks like an IPv4 literal
     */
    static String requireReference(String name) {
        String n = lowerAscii(name);
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw invalid(name, "must have 1 to " + MAX_NAME + " characters");
        }
        if (n.indexOf('*') >= 0) {
            throw invalid(name, "a reference identifier never holds a wildcard");
        }
        if (n.endsWith(".")) {
            throw invalid(name, "no trailing dot");
        }
        boolean allDigits = false;
        for (String label : n.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > MAX_LABEL) {
                throw invalid(name, "every label must have 1 to " + MAX_LABEL + " characters");
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw invalid(name, "a label may not start or end with '-'");
            }
            allDigits = true;
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                    throw invalid(name, "only ASCII letters, digits, '-' and '.' are allowed"
                            + " (convert internationalised names to A-labels)");
                }
                allDigits &= c >= '0' && c <= '9';
            }
        }
        if (allDigits) {
            throw invalid(name, "looks like an IP address; use an IP identifier");
        }
        return n;
    }

    /**
     * Whether a presented DNS pattern matches a validated reference name. Comparison is
     * case-insensitive on ASCII; a pattern holding any other character never matches. A wildcard
     * matches only as the whole left-most label of a pattern with at least three labels, and then
     * stands for exactly one label of the reference; partial-label wildcards such as
     * {@code f*o.example.com} or {@code xn--*.example.com} never match.
     *
     * @param pattern the presented identifier, as written in the certificate
     * @param reference a name that passed {@link #requireReference(String)}
     * @param wildcards whether a wildcard pattern may match at all (false for SRV-IDs)
     * @return {@code true} when the pattern matches
     */
    static boolean matches(String pattern, String reference, boolean wildcards) {
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) > 0x7e || pattern.charAt(i) <= 0x20) {
                return false;
            }
        }
        String p = lowerAscii(pattern);
        if (p.endsWith(".")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty() || p.startsWith(".") || p.contains("..")) {
            return false;
        }
        if (p.indexOf('*') < 0) {
            return p.equals(reference);
        }
        if (!wildcards || !p.startsWith("*.")) {
            return false;
        }
        String rest = p.substring(2);
        if (rest.indexOf('*') >= 0 || rest.indexOf('.') < 0) {
            return false;
        }
        int dot = reference.indexOf('.');
        return dot > 0 && reference.substring(dot + 1).equals(rest);
    }

    /**
     * Whether a name equals a domain or is a subdomain of it; both must be validated references.
     *
     * @param name the candidate, e.g. an SRV target
     * @param domain the domain, e.g. the email domain
     * @return {@code true} when {@code name} lies inside {@code domain}
     */
    static boolean inside(String name, String domain) {
        return name.equals(domain) || name.endsWith("." + domain);
    }

    /**
     * Lower-cases ASCII letters only, so that no non-ASCII character (such as the Kelvin sign)
     * can fold into an ASCII one.
     *
     * @param s any string
     * @return the string with {@code A-Z} mapped to {@code a-z}
     */
    static String lowerAscii(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    private static IllegalArgumentException invalid(String name, String why) {
        return new IllegalArgumentException("invalid DNS name '" + name + "': " + why);
    }
}
