package io.deepmail.core.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.LeafSpec;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.CertificatePattern;
import java.net.InetAddress;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.OtherName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Bouncy Castle adapter extracts presented identifiers and skips malformed ones. */
class BcCertificatePatternsUnitTests {

    @Test
    @DisplayName("ID-03: every SAN kind and the CN are extracted in certificate order")
    void extractsEverything() throws Exception {
        Credential leaf = TestPki.rsa().leaf().cn("legacy.example.test").dns("mail.example.test", "*.example.test")
                .srv("_imaps.example.test").uri("imaps://mail.example.test").ip("192.0.2.7", "2001:db8::1").issue();

        assertThat(BcCertificatePatterns.extract(leaf.leaf())).containsExactly(
                new CertificatePattern.Dns("mail.example.test"),
                new CertificatePattern.Dns("*.example.test"),
                new CertificatePattern.Srv("imaps", "example.test"),
                new CertificatePattern.Uri("imaps://mail.example.test"),
                new CertificatePattern.Ip(InetAddress.getByName("192.0.2.7")),
                new CertificatePattern.Ip(InetAddress.getByName("2001:db8::1")),
                new CertificatePattern.CommonName("legacy.example.test"));
    }

    @Test
    @DisplayName("ID-03: malformed SRVName otherNames in a certificate are skipped, valid ones kept")
    void malformedOtherNamesInCertificateAreSkipped() throws Exception {
        Credential leaf = TestPki.ec().leaf()
                .otherName(LeafSpec.SRV_NAME_OID, new DERUTF8String("_imaps.example.test").getEncoded())
                .otherName(LeafSpec.SRV_NAME_OID, new ASN1Integer(42).getEncoded())
                .otherName(LeafSpec.SRV_NAME_OID, new DERSequence().getEncoded())
                .otherName(LeafSpec.SRV_NAME_OID, new DERIA5String("imaps.example.test").getEncoded())
                .otherName(LeafSpec.SRV_NAME_OID, new DERIA5String("_imaps").getEncoded())
                .otherName(LeafSpec.SRV_NAME_OID, new DERIA5String("_imaps.").getEncoded())
                .otherName(LeafSpec.SRV_NAME_OID, new DERIA5String("_.example.test").getEncoded())
                .otherName(LeafSpec.SRV_NAME_OID, new DERIA5String("_imaps.exämple.test").getEncoded())
                .otherName("1.3.6.1.4.1.99999.1", new DERIA5String("_imaps.example.test").getEncoded())
                .srv("_imaps.example.test")
                .issue();

        assertThat(BcCertificatePatterns.extract(leaf.leaf()))
                .containsExactly(new CertificatePattern.Srv("imaps", "example.test"));
    }

    @Test
    @DisplayName("ID-03: undecodable otherName DER is ignored without throwing")
    void undecodableDerIsIgnored() throws Exception {
        byte[] good = new GeneralName(GeneralName.otherName, new OtherName(
                new ASN1ObjectIdentifier(BcCertificatePatterns.SRV_NAME_OID), new DERIA5String("_imaps.example.test")))
                .getEncoded();
        byte[] untagged = new OtherName(new ASN1ObjectIdentifier(BcCertificatePatterns.SRV_NAME_OID),
                new DERIA5String("_imaps.example.test")).getEncoded();

        assertThat(BcCertificatePatterns.srvName(good)).isEqualTo(new CertificatePattern.Srv("imaps", "example.test"));
        assertThat(BcCertificatePatterns.srvName(untagged)).isEqualTo(new CertificatePattern.Srv("imaps",
                "example.test"));
        for (int cut = 0; cut < good.length; cut++) {
            assertThat(BcCertificatePatterns.srvName(Arrays.copyOf(good, cut))).as("truncated at %d", cut).isNull();
        }
        assertThat(BcCertificatePatterns.srvName(new byte[] {(byte) 0xff, 0x7f, 0x00})).isNull();
        assertThat(BcCertificatePatterns.srvName(new DEROctetString(new byte[] {1, 2, 3}).getEncoded())).isNull();
        assertThat(BcCertificatePatterns.srvName(new DERSequence(new ASN1Integer(1)).getEncoded())).isNull();
        assertThat(BcCertificatePatterns.srvName(new DERTaggedObject(false, 0,
                new DERSequence(new ASN1ObjectIdentifier(BcCertificatePatterns.SRV_NAME_OID))).getEncoded())).isNull();
    }

    @Test
    @DisplayName("ID-06: a certificate without SANs yields only its CN, one without either yields nothing")
    void cnOnlyAndEmpty() {
        assertThat(BcCertificatePatterns.extract(TestPki.rsa().leaf().cn("mail.example.test").issue().leaf()))
                .containsExactly(new CertificatePattern.CommonName("mail.example.test"));
        assertThat(BcCertificatePatterns.extract(TestPki.rsa().leaf().issue().leaf())).isEmpty();
    }
}
