package io.deepmail.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.tls.TlsProvider;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SessionSecurityUnitTests {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 993);

    private static SessionSecurity session(TransportMode mode, String version, String suite,
            AuthenticationMethod auth) {
        Endpoint endpoint = new Endpoint(MailProtocol.IMAP, "mail.example.test", 993, mode);
        return new SessionSecurity(endpoint, LOOPBACK, TlsProvider.JDK, version, suite, List.of(), auth, false,
                DiscoveryTrust.MANUAL);
    }

    @Test
    @DisplayName("TAG-01: an implicit TLS 1.3 PKIX session carries TLS, IMPLICIT, CERT_PKIX and PFS")
    void implicitTls13Tags() {
        SessionSecurity s = session(TransportMode.IMPLICIT, "TLSv1.3", "TLS_AES_256_GCM_SHA384",
                AuthenticationMethod.PKIX);
        assertThat(s.tags()).containsExactly(SecurityTag.TLS, SecurityTag.IMPLICIT, SecurityTag.CERT_PKIX,
                SecurityTag.PFS);
        assertThat(s.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
    }

    @Test
    @DisplayName("TAG-03: static RSA on TLS 1.2 has no PFS; ECDHE and DHE have it")
    void pfsByKeyExchange() {
        assertThat(session(TransportMode.STARTTLS, "TLSv1.2", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                AuthenticationMethod.PKIX).has(SecurityTag.PFS)).isFalse();
        assertThat(session(TransportMode.STARTTLS, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                AuthenticationMethod.PKIX).has(SecurityTag.PFS)).isTrue();
        assertThat(session(TransportMode.STARTTLS, "TLSv1.2", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                AuthenticationMethod.PKIX).has(SecurityTag.PFS)).isTrue();
    }

    static Stream<Arguments> levelMatrix() {
        return Stream.of(
                Arguments.of("TLSv1.3", AuthenticationMethod.PKIX, 1),
                Arguments.of("TLSv1.2", AuthenticationMethod.PKIX, 1),
                Arguments.of("TLSv1.3", AuthenticationMethod.DANE_EE, 1),
                Arguments.of("TLSv1.2", AuthenticationMethod.DANE_TA, 1),
                Arguments.of("TLSv1.3", AuthenticationMethod.DANE_PKIX_TA, 1),
                Arguments.of("TLSv1.2", AuthenticationMethod.DANE_PKIX_EE, 1),
                Arguments.of("TLSv1.1", AuthenticationMethod.DANE_PKIX_EE, 0),
                Arguments.of("TLSv1.3", AuthenticationMethod.PINNED, 0),
                Arguments.of("TLSv1.2", AuthenticationMethod.PINNED, 0),
                Arguments.of("TLSv1.1", AuthenticationMethod.PKIX, 0),
                Arguments.of("TLSv1", AuthenticationMethod.DANE_EE, 0));
    }

    @ParameterizedTest(name = "{0} with {1} gives level {2}")
    @MethodSource("levelMatrix")
    @DisplayName("TAG-04/TAG-05: level 1 exactly when TLS >= 1.2 and PKIX or DANE authenticated the server")
    void levelMatrix(String version, AuthenticationMethod auth, int level) {
        SessionSecurity s = session(TransportMode.IMPLICIT, version, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", auth);
        assertThat(s.level().value()).isEqualTo(level);
    }

    static Stream<Arguments> certificateTags() {
        return Stream.of(
                Arguments.of(AuthenticationMethod.PKIX, EnumSet.of(SecurityTag.CERT_PKIX)),
                Arguments.of(AuthenticationMethod.DANE_EE, EnumSet.of(SecurityTag.CERT_DANE)),
                Arguments.of(AuthenticationMethod.DANE_TA, EnumSet.of(SecurityTag.CERT_DANE)),
                Arguments.of(AuthenticationMethod.DANE_PKIX_TA, EnumSet.of(SecurityTag.CERT_PKIX, SecurityTag.CERT_DANE)),
                Arguments.of(AuthenticationMethod.DANE_PKIX_EE, EnumSet.of(SecurityTag.CERT_PKIX, SecurityTag.CERT_DANE)),
                Arguments.of(AuthenticationMethod.PINNED, EnumSet.noneOf(SecurityTag.class)));
    }

    @ParameterizedTest(name = "{0} earns {1}")
    @MethodSource("certificateTags")
    @DisplayName("TAG-01/DANE-12: each authentication method earns exactly its certificate tags; PKIX-TA/EE earn both")
    void certificateTags(AuthenticationMethod auth, Set<SecurityTag> expected) {
        SessionSecurity s = session(TransportMode.IMPLICIT, "TLSv1.3", "TLS_AES_128_GCM_SHA256", auth);
        Set<SecurityTag> certificateTags = EnumSet.of(SecurityTag.CERT_PKIX, SecurityTag.CERT_DANE);
        certificateTags.retainAll(s.tags());
        assertThat(certificateTags).isEqualTo(expected);
        assertThat(s.tags()).contains(SecurityTag.TLS, SecurityTag.IMPLICIT, SecurityTag.PFS);
    }

    @Test
    @DisplayName("TAG-07: a DANE-EE session is logged as Verified, with CERT_DANE")
    void daneLogLine() {
        SessionSecurity s = session(TransportMode.IMPLICIT, "TLSv1.3", "TLS_AES_256_GCM_SHA384",
                AuthenticationMethod.DANE_EE);
        assertThat(s.logLine()).isEqualTo("Verified TLS connection established to mail.example.test[127.0.0.1]:993: "
                + "TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) level=1 tags=TLS,IMPLICIT,CERT_DANE,PFS");
    }

    @Test
    @DisplayName("TAG-02: a pinned certificate never earns CERT_PKIX")
    void pinnedIsNotPkix() {
        SessionSecurity s = session(TransportMode.IMPLICIT, "TLSv1.3", "TLS_AES_128_GCM_SHA256",
                AuthenticationMethod.PINNED);
        assertThat(s.tags()).doesNotContain(SecurityTag.CERT_PKIX, SecurityTag.CERT_DANE);
        assertThat(s.logLine()).startsWith("Anonymous TLS connection");
    }

    @Test
    @DisplayName("TAG-07: the log line follows Postfix and the RFC 8314 §4.3 suite token")
    void logLine() {
        SessionSecurity s = session(TransportMode.IMPLICIT, "TLSv1.3", "TLS_AES_256_GCM_SHA384",
                AuthenticationMethod.PKIX);
        assertThat(s.logLine()).isEqualTo("Verified TLS connection established to mail.example.test[127.0.0.1]:993: "
                + "TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) level=1 tags=TLS,IMPLICIT,CERT_PKIX,PFS");
        assertThat(s.logLine()).containsPattern(" with cipher (TLS_[A-Z0-9_]+|0x[0-9A-F]{4}) ");
    }

    @Test
    @DisplayName("TAG-07: a suite without an IANA name is logged as 0x and four hex digits")
    void unnamedSuite() {
        assertThat(CipherSuites.ianaToken("0xc0ff")).isEqualTo("0xC0FF");
        assertThat(CipherSuites.ianaToken("UNKNOWN (0x1a2b)")).isEqualTo("0x1A2B");
        assertThat(CipherSuites.ianaToken("ECDHE-RSA-AES128-GCM-SHA256"))
                .isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(CipherSuites.ianaToken("SSL_RSA_WITH_AES_128_GCM_SHA256"))
                .isEqualTo("TLS_RSA_WITH_AES_128_GCM_SHA256");
        assertThatIllegalArgumentException().isThrownBy(() -> CipherSuites.ianaToken("gibberish suite"));
    }

    @Test
    @DisplayName("a cleartext session has no tags, level 0 and says so in its log line")
    void cleartext() {
        Endpoint endpoint = new Endpoint(MailProtocol.POP3, "pop.example.test", 110, TransportMode.PLAINTEXT);
        SessionSecurity s = SessionSecurity.cleartext(endpoint, new InetSocketAddress("127.0.0.1", 110),
                DiscoveryTrust.MANUAL);
        assertThat(s.tags()).isEmpty();
        assertThat(s.level()).isEqualTo(ConfidentialityLevel.NONE);
        assertThat(s.logLine()).startsWith("Cleartext connection established to pop.example.test[127.0.0.1]:110");
    }

    @Test
    @DisplayName("a record cannot claim TLS without a version and suite, or authentication without TLS")
    void inconsistentFactsRefused() {
        Endpoint implicit = new Endpoint(MailProtocol.IMAP, "mail.example.test", 993, TransportMode.IMPLICIT);
        assertThatIllegalArgumentException().isThrownBy(() -> new SessionSecurity(implicit, LOOPBACK, TlsProvider.JDK,
                null, null, List.of(), AuthenticationMethod.PKIX, false, DiscoveryTrust.MANUAL));
        assertThatIllegalArgumentException().isThrownBy(() -> new SessionSecurity(implicit, LOOPBACK, TlsProvider.NONE,
                null, null, List.of(), AuthenticationMethod.PKIX, false, DiscoveryTrust.MANUAL));
    }
}
