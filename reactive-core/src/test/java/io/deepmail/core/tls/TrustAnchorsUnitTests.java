package io.deepmail.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.deepmail.core.testkit.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsUnitTests {

    @Test
    @DisplayName("anchors load from PEM text, a PEM file and a key store, and compare by content")
    void explicitAnchors(@TempDir Path dir) throws Exception {
        String pem = TestPki.rsa().certificatePem() + TestPki.ec().certificatePem();
        Path file = Files.writeString(dir.resolve("ca.pem"), pem);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("rsa", TestPki.rsa().certificate());
        store.setCertificateEntry("ec", TestPki.ec().certificate());

        TrustAnchors fromText = TrustAnchors.fromPem(pem);
        assertThat(fromText.certificates()).hasValueSatisfying(c -> assertThat(c)
                .containsExactly(TestPki.rsa().certificate(), TestPki.ec().certificate()));
        assertThat(TrustAnchors.fromPem(file)).isEqualTo(fromText);
        assertThat(TrustAnchors.fromKeyStore(store).certificates()).hasValueSatisfying(c -> assertThat(c)
                .containsExactlyInAnyOrder(TestPki.rsa().certificate(), TestPki.ec().certificate()));
        assertThat(TrustAnchors.system().certificates()).isEmpty();
    }

    @Test
    @DisplayName("unreadable or empty anchor sources fail at build time with a clear message")
    void badSources(@TempDir Path dir) {
        assertThatIllegalArgumentException().isThrownBy(() -> TrustAnchors.fromPem("no certificate here"))
                .withMessageContaining("PEM text");
        assertThatIllegalArgumentException().isThrownBy(() -> TrustAnchors.fromPem(dir.resolve("missing.pem")))
                .withMessageContaining("missing.pem");
        assertThatIllegalArgumentException().isThrownBy(() -> TrustAnchors.of(java.util.List.of()));
    }
}
