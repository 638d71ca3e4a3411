package io.deepmail.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x509.OtherName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Proves that the test PKI issues certificates the JDK's PKIX validator judges as intended. */
class TestPkiUnitTests {

    @ParameterizedTest(name = "{0} CA")
    @EnumSource(KeyType.class)
    @DisplayName("testkit: a good leaf validates to its CA under the JDK's PKIX validator")
    void goodLeafValidates(KeyType type) throws Exception {
        TestCa ca = TestPki.trusted(type);
        Credential leaf = ca.leaf().dns("mail.example.test").issue();
        Credential otherKey = ca.leaf().keyType(type == KeyType.RSA ? KeyType.EC : KeyType.RSA)
                .dns("mail.example.test").issue();

        validate(leaf, ca);
        validate(otherKey, ca);
        assertThat(leaf.chain()).containsExactly(leaf.leaf(), ca.certificate());
        assertThat(leaf.leaf().getBasicConstraints()).isEqualTo(-1);
        assertThat(ca.certificate().getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(leaf.leaf().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    }

    @Test
    @DisplayName("testkit: an expired leaf fails PKIX validation as expired")
    void expiredLeafFails() {
        TestCa ca = TestPki.ec();
        Credential leaf = ca.leaf().dns("mail.example.test").expired().issue();

        assertThatThrownBy(() -> validate(leaf, ca))
                .isInstanceOfSatisfying(CertPathValidatorException.class,
                        e -> assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.EXPIRED));
    }

    @Test
    @DisplayName("testkit: a not-yet-valid leaf fails PKIX validation as not yet valid")
    void notYetValidLeafFails() {
        TestCa ca = TestPki.ec();
        Credential leaf = ca.leaf().dns("mail.example.test").notYetValid().issue();

        assertThatThrownBy(() -> validate(leaf, ca))
                .isInstanceOfSatisfying(CertPathValidatorException.class, e -> assertThat(e.getReason())
                        .isEqualTo(CertPathValidatorException.BasicReason.NOT_YET_VALID));
    }

    @Test
    @DisplayName("testkit: a leaf of the unknown root does not validate against the test CA")
    void unknownRootLeafFails() {
        Credential leaf = TestPki.unknownRoot().leaf().dns("mail.example.test").issue();

        assertThatThrownBy(() -> validate(leaf, TestPki.ec())).isInstanceOf(CertPathValidatorException.class);
        assertThatThrownBy(() -> validate(leaf, TestPki.rsa())).isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    @DisplayName("testkit: a self-signed leaf is its own issuer and its chain is the leaf alone")
    void selfSignedLeaf() throws Exception {
        Credential leaf = TestPki.rsa().leaf().dns("mail.example.test").selfSigned().issue();

        assertThat(leaf.chain()).hasSize(1);
        assertThat(leaf.leaf().getIssuerX500Principal()).isEqualTo(leaf.leaf().getSubjectX500Principal());
        leaf.leaf().verify(leaf.leaf().getPublicKey());
    }

    @Test
    @DisplayName("testkit: the SRV-ID is an otherName with OID 1.3.6.1.5.5.7.8.7 and an IA5String value")
    void srvIdIsOtherName() throws Exception {
        Credential leaf = TestPki.ec().leaf().srv("_imaps.example.test").issue();

        Collection<List<?>> sans = leaf.leaf().getSubjectAlternativeNames();
        assertThat(sans).hasSize(1);
        List<?> entry = sans.iterator().next();
        assertThat(entry.get(0)).isEqualTo(0);
        OtherName otherName = OtherName.getInstance(ASN1Primitive.fromByteArray((byte[]) entry.get(1)));
        assertThat(otherName.getTypeID()).isEqualTo(new ASN1ObjectIdentifier(LeafSpec.SRV_NAME_OID));
        ASN1Primitive value = otherName.getValue().toASN1Primitive();
        if (value instanceof ASN1TaggedObject tagged) {
            value = tagged.getBaseObject().toASN1Primitive();
        }
        assertThat(value).isInstanceOf(DERIA5String.class);
        assertThat(((DERIA5String) value).getString()).isEqualTo("_imaps.example.test");
    }

    @Test
    @DisplayName("testkit: DNS, URI, IP SANs and the CN appear as specified")
    void otherSansAndCn() throws Exception {
        Credential leaf = TestPki.rsa().leaf().cn("legacy.example.test").dns("*.example.test")
                .uri("imaps://mail.example.test").ip("192.0.2.7", "::1").issue();

        assertThat(leaf.leaf().getSubjectAlternativeNames()).containsExactly(
                List.of(2, "*.example.test"), List.of(6, "imaps://mail.example.test"),
                List.of(7, "192.0.2.7"), List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(leaf.leaf().getSubjectX500Principal().getName()).contains("CN=legacy.example.test");
    }

    @Test
    @DisplayName("testkit: the PEM forms parse back to the same chain and a PKCS#8 key")
    void pemRoundTrip() throws Exception {
        Credential leaf = TestPki.ec().leaf().dns("mail.example.test").issue();

        Collection<? extends java.security.cert.Certificate> parsed = CertificateFactory.getInstance("X.509").generateCertificates(
                new ByteArrayInputStream(leaf.certificateChainPem().getBytes(StandardCharsets.US_ASCII)));
        assertThat(List.copyOf(parsed)).isEqualTo(leaf.chain());
        assertThat(leaf.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        assertThat(leaf.key().getFormat()).isEqualTo("PKCS#8");
    }

    private static void validate(Credential leaf, TestCa ca) throws GeneralSecurityException {
        List<X509Certificate> path = leaf.chain().subList(0, 1);
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(ca.certificate(), null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX")
                .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
    }
}
