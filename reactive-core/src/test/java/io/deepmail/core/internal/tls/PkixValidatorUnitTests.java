package io.deepmail.core.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.deepmail.core.CertificatePathException;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.KeyType;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TrustAnchors;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PKIX path validation comes first and says why it failed (ID-01). */
class PkixValidatorUnitTests {

    private static final TrustAnchors TEST_ROOTS = TrustAnchors.of(TestPki.rsa().certificate(),
            TestPki.ec().certificate());

    @ParameterizedTest
    @EnumSource(KeyType.class)
    @DisplayName("ID-01: a good chain validates, with or without the root and for TLS 1.2 and 1.3 auth types")
    void goodChainValidates(KeyType type) {
        Credential leaf = TestPki.trusted(type).leaf().dns("mail.example.test").issue();
        String authType = type == KeyType.RSA ? "ECDHE_RSA" : "ECDHE_ECDSA";
        PkixValidator validator = PkixValidator.forAnchors(TEST_ROOTS);

        assertThatNoException().isThrownBy(() -> validator.validate(leaf.chain(), authType));
        assertThatNoException().isThrownBy(() -> validator.validate(List.of(leaf.leaf()), "UNKNOWN"));
    }

    @Test
    @DisplayName("ID-01: an expired leaf is a path failure that says it expired")
    void expired() {
        String message = failure(TestPki.rsa().leaf().dns("mail.example.test").expired().issue());
        assertThat(message).contains("expired on").contains("renew");
    }

    @Test
    @DisplayName("ID-01: a not-yet-valid leaf is a path failure that says when it becomes valid")
    void notYetValid() {
        String message = failure(TestPki.ec().leaf().dns("mail.example.test").notYetValid().issue());
        assertThat(message).contains("not valid until").contains("clock");
    }

    @Test
    @DisplayName("ID-01: a self-signed leaf with a correct name is a path failure that says self-signed")
    void selfSigned() {
        String message = failure(TestPki.ec().leaf().dns("mail.example.test").selfSigned().issue());
        assertThat(message).contains("self-signed");
    }

    @Test
    @DisplayName("ID-01: a leaf of an unknown root is a path failure that says unknown issuer")
    void unknownRoot() {
        Credential leaf = TestPki.unknownRoot().leaf().dns("mail.example.test").issue();
        String withRoot = failure(leaf);
        String withoutRoot = failure(new Credential(leaf.key(), List.of(leaf.leaf())));
        assertThat(withRoot).contains("unknown issuer").contains("deepmail Unknown Root CA");
        assertThat(withoutRoot).contains("unknown issuer").contains("deepmail Unknown Root CA");
    }

    @Test
    @DisplayName("ID-01: expired, not yet valid, self-signed and unknown root give distinct messages")
    void messagesAreDistinct() {
        Set<String> causes = Stream.of(
                        TestPki.rsa().leaf().dns("mail.example.test").expired().issue(),
                        TestPki.rsa().leaf().dns("mail.example.test").notYetValid().issue(),
                        TestPki.rsa().leaf().dns("mail.example.test").selfSigned().issue(),
                        TestPki.unknownRoot().leaf().dns("mail.example.test").issue())
                .map(PkixValidatorUnitTests::failure)
                .map(m -> m.replaceAll("'[^']*'", "X").replaceAll("on [0-9T:Z-]+|until [0-9T:Z-]+", ""))
                .collect(Collectors.toSet());
        assertThat(causes).hasSize(4);
    }

    @Test
    @DisplayName("ID-01: the system trust store does not trust the test CA")
    void systemAnchorsRejectTestCa() {
        Credential leaf = TestPki.rsa().leaf().dns("mail.example.test").issue();
        CertificatePathException e = catchThrowableOfType(CertificatePathException.class,
                () -> PkixValidator.forAnchors(TrustAnchors.system()).validate(leaf.chain(), "UNKNOWN"));
        assertThat(e).hasMessageContaining("not trusted");
    }

    @Test
    @DisplayName("ID-01: an empty chain is a path failure")
    void emptyChain() {
        CertificatePathException e = catchThrowableOfType(CertificatePathException.class,
                () -> PkixValidator.forAnchors(TEST_ROOTS).validate(List.of(), "UNKNOWN"));
        assertThat(e).hasMessageContaining("no certificate");
    }

    @Test
    @DisplayName("ID-01: one validator, holding one trust manager, is shared per trust anchors value")
    void cachedPerAnchors() {
        PkixValidator first = PkixValidator.forAnchors(TrustAnchors.of(TestPki.rsa().certificate()));
        PkixValidator second = PkixValidator.forAnchors(TrustAnchors.of(TestPki.rsa().certificate()));
        assertThat(second).isSameAs(first);
        assertThat(second.trustManager()).isSameAs(first.trustManager());
        assertThat(PkixValidator.forAnchors(TEST_ROOTS)).isNotSameAs(first);
    }

    private static String failure(Credential credential) {
        CertificatePathException e = catchThrowableOfType(CertificatePathException.class,
                () -> PkixValidator.forAnchors(TEST_ROOTS).validate(credential.chain(), "UNKNOWN"));
        assertThat(e).as("path failure").isNotNull();
        return e.getMessage();
    }
}
