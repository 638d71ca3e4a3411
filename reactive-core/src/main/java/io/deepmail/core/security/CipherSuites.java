package io.deepmail.core.security;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cipher-suite facts deepmail needs from a suite name alone: the RFC 8314 §4.3 token, forward
 * secrecy and symmetric strength.
 *
 * @since 0.1
 */
public final class CipherSuites {

    private static final Pattern IANA = Pattern.compile("TLS_[A-Z0-9_]+");
    private static final Pattern HEX = Pattern.compile("0[xX]([0-9A-Fa-f]{4})");
    private static final Pattern EMBEDDED_HEX = Pattern.compile(".*0[xX]([0-9A-Fa-f]{4}).*");

    /** OpenSSL names a provider may report, mapped to their IANA names. */
    private static final Map<String, String> OPENSSL_TO_IANA = Map.ofEntries(
            Map.entry("ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            Map.entry("ECDHE-RSA-AES128-GCM-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry("ECDHE-ECDSA-AES256-GCM-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
            Map.entry("ECDHE-RSA-AES256-GCM-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry("ECDHE-ECDSA-CHACHA20-POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry("ECDHE-RSA-CHACHA20-POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry("DHE-RSA-AES128-GCM-SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry("DHE-RSA-AES256-GCM-SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry("AES128-GCM-SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry("AES256-GCM-SHA384", "TLS_RSA_WITH_AES_256_GCM_SHA384"));

    private CipherSuites() {
    }

    /**
     * The suite as RFC 8314 §4.3 writes it in a Received {@code tls} clause (TAG-07): its IANA
     * name, or {@code 0x} and four hex digits when no IANA name is known.
     *
     * @param reported the name a TLS provider reported
     * @return a token matching {@code TLS_[A-Z0-9_]+} or {@code 0x[0-9A-F]{4}}
     * @throws IllegalArgumentException when neither a name nor a code point can be recovered
     */
    public static String ianaToken(String reported) {
        String name = reported.strip();
        if (name.startsWith("SSL_")) {
            name = "TLS_" + name.substring(4);
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (IANA.matcher(upper).matches()) {
            return upper;
        }
        String mapped = OPENSSL_TO_IANA.get(upper);
        if (mapped != null) {
            return mapped;
        }
        var hex = HEX.matcher(name);
        if (hex.matches() || (hex = EMBEDDED_HEX.matcher(name)).matches()) {
            return "0x" + hex.group(1).toUpperCase(Locale.ROOT);
        }
        throw new IllegalArgumentException("cannot express cipher suite '" + reported + "' as an IANA name or code point");
    }

    /**
     * Whether a session with this version and suite has a forward-secret key exchange (TAG-03).
     *
     * @param protocol the JSSE protocol name, e.g. {@code TLSv1.3}
     * @param suite the IANA suite name
     * @return {@code true} for TLS 1.3, and for TLS 1.2 suites using ECDHE or DHE
     */
    public static boolean isForwardSecret(String protocol, String suite) {
        if ("TLSv1.3".equals(protocol)) {
            return true;
        }
        String s = suite.toUpperCase(Locale.ROOT);
        return s.startsWith("TLS_ECDHE_") || s.startsWith("TLS_DHE_");
    }

    /**
     * The symmetric key strength in bits, as Postfix logs it.
     *
     * @param suite the IANA suite name
     * @return 128 or 256, or 0 when the name does not say
     */
    public static int strengthBits(String suite) {
        String s = suite.toUpperCase(Locale.ROOT);
        if (s.contains("AES_256") || s.contains("CHACHA20")) {
            return 256;
        }
        if (s.contains("AES_128")) {
            return 128;
        }
        return 0;
    }
}
