package io.deepmail.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlsOptionsUnitTests {

    @Test
    @DisplayName("TLS-01: defaults enable TLS 1.3 first, then TLS 1.2, and nothing older")
    void defaultVersions() {
        assertThat(TlsOptions.defaults().protocolNames()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsVersion.values()).extracting(TlsVersion::protocolName).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(TlsVersion.fromProtocolName("TLSv1.1")).isEmpty();
        assertThat(TlsVersion.fromProtocolName("SSLv3")).isEmpty();
    }

    @Test
    @DisplayName("TLS-03: defaults are the RFC 9325 AEAD suites, including IMAP's mandatory ECDHE-RSA-AES128-GCM")
    void defaultSuites() {
        List<String> suites = TlsOptions.defaults().cipherSuites();
        assertThat(suites).contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256",
                "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
        assertThat(suites).allSatisfy(s -> assertThat(s).matches("TLS_(AES|CHACHA20|ECDHE)_.*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS_RSA_WITH_NULL_SHA256", "TLS_DH_anon_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_EXPORT_WITH_RC4_40_MD5",
        "TLS_DH_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_NULL_SHA"})
    @DisplayName("TLS-04: NULL, anonymous, RC4, 3DES, export and static-DH suites are refused even when asked for")
    void neverSuites(String suite) {
        assertThatIllegalArgumentException().isThrownBy(() -> TlsOptions.builder()
                .allowStaticRsa(true).allowFiniteFieldDhe(true).cipherSuites(List.of(suite)).build());
    }

    @Test
    @DisplayName("TLS-04: static RSA needs an explicit flag; DHE needs its own flag")
    void staticRsaAndDheBehindFlags() {
        assertThatIllegalArgumentException().isThrownBy(() -> TlsOptions.builder()
                .cipherSuites(List.of("TLS_RSA_WITH_AES_128_GCM_SHA256")).build())
                .withMessageContaining("allowStaticRsa");
        assertThat(TlsOptions.builder().allowStaticRsa(true)
                .cipherSuites(List.of("TLS_RSA_WITH_AES_128_GCM_SHA256")).build().cipherSuites())
                .containsExactly("TLS_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(TlsOptions.defaults().cipherSuites()).noneMatch(s -> s.startsWith("TLS_DHE_"));
        assertThat(TlsOptions.builder().allowFiniteFieldDhe(true).build().cipherSuites())
                .containsAll(TlsOptions.FINITE_FIELD_DHE_SUITES);
    }

    @Test
    @DisplayName("options are immutable: mutate() leaves the original unchanged")
    void copyOnWrite() {
        TlsOptions base = TlsOptions.defaults();
        TlsOptions only13 = base.mutate().versions(TlsVersion.TLS_1_3).build();
        assertThat(base.protocolNames()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(only13.protocolNames()).containsExactly("TLSv1.3");
        assertThat(TlsOptions.copyOf(only13).build()).isEqualTo(only13);
    }

    @Test
    @DisplayName("empty version, suite or group lists are refused")
    void emptyLists() {
        assertThatIllegalArgumentException().isThrownBy(() -> TlsOptions.builder().versions().build());
        assertThatIllegalArgumentException().isThrownBy(() -> TlsOptions.builder().cipherSuites(List.of()).build());
        assertThatIllegalArgumentException().isThrownBy(() -> TlsOptions.builder().namedGroups(List.of()).build());
    }
}
