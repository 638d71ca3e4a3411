package io.deepmail.core.tls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * TLS handshake parameters (REQUIREMENTS §8). Immutable; start from {@link #defaults()} and change
 * what you need with {@link #mutate()}.
 *
 * <p>Whatever is configured, some things never happen: a version below TLS 1.2, a NULL, anonymous,
 * RC4, DES/3DES, export-grade or static-DH suite, compression, or 0-RTT early data. SNI always
 * carries a DNS name and never an IP literal. Both providers send the RFC 5746 renegotiation
 * indication and use the RFC 7627 extended master secret on TLS 1.2 (TLS-20).
 *
 * @param versions enabled versions, most preferred first
 * @param cipherSuites enabled suites by IANA name, TLS 1.3 and 1.2 together
 * @param namedGroups key-exchange groups offered, most preferred first (applied by BoringSSL; the
 *     JDK provider on Java 17 takes them from {@code jdk.tls.namedGroups})
 * @param trustAnchors roots that server chains are validated against
 * @param provider which TLS implementation to use
 * @param allowFiniteFieldDhe whether the two DHE suites RFC 9051 recommends are added to the defaults
 * @param allowStaticRsa whether static-RSA key transport suites may be configured; such sessions
 *     never carry the PFS tag (RFC 9325 §4.1 says SHOULD NOT)
 * @param cnIdCompatibility whether the certificate CN may serve as a DNS identifier when the
 *     certificate has no DNS SAN (ID-06); such sessions are recorded as compat
 * @since 0.1
 */
public record TlsOptions(
        List<TlsVersion> versions,
        List<String> cipherSuites,
        List<String> namedGroups,
        TrustAnchors trustAnchors,
        TlsProviderPreference provider,
        boolean allowFiniteFieldDhe,
        boolean allowStaticRsa,
        boolean cnIdCompatibility) {

    /** Default versions: TLS 1.3 preferred, then TLS 1.2. */
    public static final List<TlsVersion> DEFAULT_VERSIONS = List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2);

    /** TLS 1.3 suites enabled by default: AES-GCM and ChaCha20-Poly1305 (RFC 9325 §4.2). */
    public static final List<String> DEFAULT_TLS13_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

    /**
     * TLS 1.2 suites enabled by default: the ECDHE AEAD suites of RFC 9325 §4.2, including IMAP's
     * mandatory {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256} (RFC 9051 §11.1, TLS-03).
     */
    public static final List<String> DEFAULT_TLS12_SUITES = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    /** The finite-field DHE suites RFC 9051 recommends, added only with {@code allowFiniteFieldDhe}. */
    public static final List<String> FINITE_FIELD_DHE_SUITES = List.of(
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");

    /**
     * The hybrid post-quantum key exchange of X25519 and ML-KEM-768
     * (draft-ietf-tls-ecdhe-mlkem), as BoringSSL names it.
     */
    public static final String X25519_MLKEM768 = "X25519MLKEM768";

    /**
     * Default key-exchange groups: the hybrid post-quantum {@value #X25519_MLKEM768} first, then
     * X25519, P-256 and P-384. BoringSSL sends key shares for the hybrid and for X25519, so a server
     * without ML-KEM still completes in one round trip; a BoringSSL build that lacks the hybrid
     * drops it (and only it) from a list that also names classical groups. The JDK provider on
     * Java 17 has no hybrid group and uses {@code jdk.tls.namedGroups}.
     */
    public static final List<String> DEFAULT_NAMED_GROUPS = List.of(X25519_MLKEM768, "x25519", "secp256r1",
            "secp384r1");

    private static final TlsOptions DEFAULTS = builder().build();

    /**
     * Validates the options.
     *
     * @param versions enabled versions
     * @param cipherSuites enabled suites
     * @param namedGroups offered groups
     * @param trustAnchors roots
     * @param provider TLS implementation
     * @param allowFiniteFieldDhe DHE flag
     * @param allowStaticRsa static RSA flag
     * @param cnIdCompatibility CN-ID flag
     */
    public TlsOptions {
        versions = List.copyOf(new LinkedHashSet<>(versions));
        cipherSuites = List.copyOf(new LinkedHashSet<>(cipherSuites));
        namedGroups = List.copyOf(namedGroups);
        Objects.requireNonNull(trustAnchors, "trustAnchors");
        Objects.requireNonNull(provider, "provider");
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("at least one TLS version must be enabled");
        }
        if (cipherSuites.isEmpty()) {
            throw new IllegalArgumentException("at least one cipher suite must be enabled");
        }
        if (namedGroups.isEmpty()) {
            throw new IllegalArgumentException("at least one key-exchange group must be offered");
        }
        for (String suite : cipherSuites) {
            checkSuite(suite, allowFiniteFieldDhe, allowStaticRsa);
        }
    }

    /**
     * The defaults: TLS 1.3 and 1.2, RFC 9325 suites, system trust anchors, BoringSSL when available.
     *
     * @return the default options
     */
    public static TlsOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder pre-filled from the given options.
     *
     * @param options the options to copy
     * @return a new builder
     */
    public static Builder copyOf(TlsOptions options) {
        return new Builder(options);
    }

    /**
     * A builder pre-filled from these options; this instance is unchanged.
     *
     * @return a new builder
     */
    public Builder mutate() {
        return new Builder(this);
    }

    /**
     * The enabled JSSE protocol names, most preferred first.
     *
     * @return for example {@code ["TLSv1.3", "TLSv1.2"]}
     */
    public List<String> protocolNames() {
        return versions.stream().map(TlsVersion::protocolName).toList();
    }

    private static void checkSuite(String suite, boolean dhe, boolean staticRsa) {
        String s = suite.toUpperCase(Locale.ROOT);
        if (!s.startsWith("TLS_")) {
            throw new IllegalArgumentException("cipher suites are named by their IANA name (TLS_...), got " + suite);
        }
        for (String banned : List.of("_NULL", "_ANON_", "_RC4_", "_DES_", "_3DES_", "DES40", "_EXPORT", "_MD5",
                "_DH_", "_ECDH_", "_PSK_", "_SRP_", "_KRB5_", "_SCSV")) {
            if (s.contains(banned)) {
                throw new IllegalArgumentException(
                        suite + " is never allowed (RFC 9325 §4.1: NULL, anonymous, RC4, DES, export and static-DH suites)");
            }
        }
        if (s.startsWith("TLS_RSA_") && !staticRsa) {
            throw new IllegalArgumentException(suite
                    + " uses static-RSA key transport, which has no forward secrecy; enable allowStaticRsa to use it");
        }
        if (s.startsWith("TLS_DHE_") && !dhe) {
            throw new IllegalArgumentException(suite + " uses finite-field DHE; enable allowFiniteFieldDhe to use it");
        }
    }

    /**
     * Builds {@link TlsOptions}. Not thread-safe; {@link #build()} validates.
     *
     * @since 0.1
     */
    public static final class Builder {

        private List<TlsVersion> versions = DEFAULT_VERSIONS;
        private @Nullable List<String> cipherSuites;
        private List<String> namedGroups = DEFAULT_NAMED_GROUPS;
        private TrustAnchors trustAnchors = TrustAnchors.system();
        private TlsProviderPreference provider = TlsProviderPreference.AUTO;
        private boolean allowFiniteFieldDhe;
        private boolean allowStaticRsa;
        private boolean cnIdCompatibility;

        private Builder() {
        }

        private Builder(TlsOptions o) {
            this.versions = o.versions;
            this.cipherSuites = o.cipherSuites;
            this.namedGroups = o.namedGroups;
            this.trustAnchors = o.trustAnchors;
            this.provider = o.provider;
            this.allowFiniteFieldDhe = o.allowFiniteFieldDhe;
            this.allowStaticRsa = o.allowStaticRsa;
            this.cnIdCompatibility = o.cnIdCompatibility;
        }

        /**
         * Enabled versions, most preferred first.
         *
         * @param versions one or both of TLS 1.3 and TLS 1.2
         * @return this builder
         */
        public Builder versions(TlsVersion... versions) {
            this.versions = List.of(versions);
            return this;
        }

        /**
         * Enabled suites by IANA name, replacing the defaults.
         *
         * @param suites the suites
         * @return this builder
         */
        public Builder cipherSuites(List<String> suites) {
            this.cipherSuites = List.copyOf(suites);
            return this;
        }

        /**
         * Offered key-exchange groups, most preferred first.
         *
         * @param groups group names such as {@code x25519} or {@code secp256r1}
         * @return this builder
         */
        public Builder namedGroups(List<String> groups) {
            this.namedGroups = List.copyOf(groups);
            return this;
        }

        /**
         * Roots that server chains are validated against.
         *
         * @param anchors the anchors
         * @return this builder
         */
        public Builder trustAnchors(TrustAnchors anchors) {
            this.trustAnchors = Objects.requireNonNull(anchors, "anchors");
            return this;
        }

        /**
         * Which TLS implementation to use.
         *
         * @param provider the preference
         * @return this builder
         */
        public Builder provider(TlsProviderPreference provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * Adds the RFC 9051 DHE suites to the default list, and allows DHE suites in an explicit list.
         *
         * @param allow whether to allow finite-field DHE
         * @return this builder
         */
        public Builder allowFiniteFieldDhe(boolean allow) {
            this.allowFiniteFieldDhe = allow;
            return this;
        }

        /**
         * Allows static-RSA suites in an explicit suite list. Meant for tests and legacy servers:
         * the sessions have no forward secrecy and never carry the PFS tag.
         *
         * @param allow whether to allow static RSA
         * @return this builder
         */
        public Builder allowStaticRsa(boolean allow) {
            this.allowStaticRsa = allow;
            return this;
        }

        /**
         * Lets the certificate CN serve as a DNS identifier when no DNS SAN is present (ID-06).
         *
         * @param enable whether CN-ID is accepted
         * @return this builder
         */
        public Builder cnIdCompatibility(boolean enable) {
            this.cnIdCompatibility = enable;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the options
         * @throws IllegalArgumentException when a value breaks the policy
         */
        public TlsOptions build() {
            List<String> suites = cipherSuites;
            if (suites == null) {
                List<String> d = new ArrayList<>(DEFAULT_TLS13_SUITES);
                d.addAll(DEFAULT_TLS12_SUITES);
                if (allowFiniteFieldDhe) {
                    d.addAll(FINITE_FIELD_DHE_SUITES);
                }
                suites = d;
            }
            return new TlsOptions(versions, suites, namedGroups, trustAnchors, provider, allowFiniteFieldDhe,
                    allowStaticRsa, cnIdCompatibility);
        }
    }
}
