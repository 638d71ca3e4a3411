package io.deepmail.core.testkit;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * A self-signed test root CA that issues leaf certificates. Instances come from {@link TestPki};
 * each lives for the whole JVM, so a test that trusts {@link #certificate()} trusts every leaf the
 * CA issues in any test.
 *
 * @since 0.1
 */
public final class TestCa {

    private final String name;
    private final KeyType keyType;
    private final KeyPair keys;
    private final X500Name subject;
    private final X509Certificate certificate;

    private TestCa(String name, KeyType keyType) {
        this.name = name;
        this.keyType = keyType;
        this.keys = keyType.generate();
        this.subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "deepmail test")
                .addRDN(BCStyle.CN, name)
                .build();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        this.certificate = CertificateMaker.sign(subject, keys.getPublic(), keys.getPrivate(), keyType,
                subject, keys.getPublic(), now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(3650)), b -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    b.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
                });
    }

    /**
     * Creates a CA with a fresh key. Slow for RSA: {@link TestPki} caches its CAs.
     *
     * @param name the CA's common name
     * @param keyType the CA's key type
     * @return the new CA
     */
    static TestCa create(String name, KeyType keyType) {
        return new TestCa(name, keyType);
    }

    /**
     * The CA's self-signed certificate: the trust anchor a test client configures.
     *
     * @return the root certificate
     */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * The CA's certificate as a PEM {@code CERTIFICATE} block.
     *
     * @return the PEM text
     */
    public String certificatePem() {
        return Credential.certificatePem(certificate);
    }

    /**
     * The CA's key type, which is also the default key type of the leaves it issues.
     *
     * @return the key type
     */
    public KeyType keyType() {
        return keyType;
    }

    /**
     * Starts the specification of a leaf certificate issued by this CA.
     *
     * @return a new, mutable specification with this CA's key type and a validity of now ± a few days
     */
    public LeafSpec leaf() {
        return new LeafSpec(this);
    }

    KeyPair keys() {
        return keys;
    }

    X500Name subject() {
        return subject;
    }

    @Override
    public String toString() {
        return "TestCa[" + name + "]";
    }
}
