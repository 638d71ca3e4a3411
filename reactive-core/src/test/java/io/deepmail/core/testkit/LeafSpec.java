package io.deepmail.core.testkit;

import java.io.IOException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.jspecify.annotations.Nullable;

/**
 * A mutable, fluent specification of one leaf certificate, obtained from {@link TestCa#leaf()}.
 * Every leaf carries basicConstraints {@code CA=false}, a key usage suited to its key type, the
 * {@code serverAuth} extended key usage and key identifiers, so that good chains validate under
 * the JDK's PKIX validator and BoringSSL. Subject alternative names appear in the order they were
 * added.
 *
 * <pre>{@code
 * Credential server = TestPki.rsa().leaf().dns("mail.example.test").srv("_imaps.example.test").issue();
 * }</pre>
 *
 * @since 0.1
 */
public final class LeafSpec {

    /** The RFC 4985 {@code id-on-dnsSRV} otherName type: an SRV-ID. */
    public static final String SRV_NAME_OID = "1.3.6.1.5.5.7.8.7";

    private final TestCa issuer;
    private final List<GeneralName> names = new ArrayList<>();
    private KeyType keyType;
    private @Nullable String commonName;
    private Instant notBefore;
    private Instant notAfter;
    private boolean selfSigned;
    private boolean clientAuth;

    LeafSpec(TestCa issuer) {
        this.issuer = issuer;
        this.keyType = issuer.keyType();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        this.notBefore = now.minus(Duration.ofDays(1));
        this.notAfter = now.plus(Duration.ofDays(30));
    }

    /**
     * Sets the leaf's key type; by default it is the issuing CA's.
     *
     * @param type RSA or EC
     * @return this specification
     */
    public LeafSpec keyType(KeyType type) {
        this.keyType = type;
        return this;
    }

    /**
     * Adds {@code dNSName} subject alternative names, written exactly as given (wildcards included).
     *
     * @param names DNS names such as {@code mail.example.test} or {@code *.example.test}
     * @return this specification
     */
    public LeafSpec dns(String... names) {
        for (String n : names) {
            this.names.add(new GeneralName(GeneralName.dNSName, n));
        }
        return this;
    }

    /**
     * Adds RFC 4985 SRV-ID subject alternative names: an {@code otherName} of type
     * {@value #SRV_NAME_OID} holding an IA5String.
     *
     * @param names values such as {@code _imaps.example.test}
     * @return this specification
     */
    public LeafSpec srv(String... names) {
        for (String n : names) {
            this.names.add(new GeneralName(GeneralName.otherName,
                    new OtherName(new ASN1ObjectIdentifier(SRV_NAME_OID), new DERIA5String(n))));
        }
        return this;
    }

    /**
     * Adds an arbitrary {@code otherName} subject alternative name, for malformed-entry tests.
     *
     * @param oid the type-id
     * @param valueDer the DER encoding of the value (placed inside the {@code [0] EXPLICIT} tag)
     * @return this specification
     * @throws IllegalArgumentException when {@code valueDer} is not a DER encoding
     */
    public LeafSpec otherName(String oid, byte[] valueDer) {
        try {
            names.add(new GeneralName(GeneralName.otherName,
                    new OtherName(new ASN1ObjectIdentifier(oid), ASN1Primitive.fromByteArray(valueDer))));
        } catch (IOException e) {
            throw new IllegalArgumentException("value is not DER", e);
        }
        return this;
    }

    /**
     * Adds {@code uniformResourceIdentifier} subject alternative names.
     *
     * @param uris URIs such as {@code imaps://mail.example.test}
     * @return this specification
     */
    public LeafSpec uri(String... uris) {
        for (String u : uris) {
            names.add(new GeneralName(GeneralName.uniformResourceIdentifier, u));
        }
        return this;
    }

    /**
     * Adds {@code iPAddress} subject alternative names.
     *
     * @param literals IPv4 or IPv6 literals such as {@code 127.0.0.1} or {@code ::1}
     * @return this specification
     */
    public LeafSpec ip(String... literals) {
        for (String ip : literals) {
            names.add(new GeneralName(GeneralName.iPAddress, ip));
        }
        return this;
    }

    /**
     * Sets the subject common name; by default the subject holds only {@code O=deepmail test}.
     *
     * @param cn the common name, written exactly as given
     * @return this specification
     */
    public LeafSpec cn(String cn) {
        this.commonName = cn;
        return this;
    }

    /**
     * Sets the validity period; by default it runs from one day ago to thirty days ahead.
     *
     * @param from notBefore
     * @param until notAfter
     * @return this specification
     */
    public LeafSpec validity(Instant from, Instant until) {
        this.notBefore = from.truncatedTo(ChronoUnit.SECONDS);
        this.notAfter = until.truncatedTo(ChronoUnit.SECONDS);
        return this;
    }

    /**
     * Makes the certificate expired: valid from sixty days ago until yesterday.
     *
     * @return this specification
     */
    public LeafSpec expired() {
        Instant now = Instant.now();
        return validity(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1)));
    }

    /**
     * Makes the certificate not yet valid: valid from tomorrow for thirty days.
     *
     * @return this specification
     */
    public LeafSpec notYetValid() {
        Instant now = Instant.now();
        return validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(31)));
    }

    /**
     * Makes the leaf sign itself instead of being issued by the CA; its chain is then the leaf alone.
     *
     * @return this specification
     */
    public LeafSpec selfSigned() {
        this.selfSigned = true;
        return this;
    }

    /**
     * Adds the {@code clientAuth} extended key usage, for client-certificate tests.
     *
     * @return this specification
     */
    public LeafSpec clientAuth() {
        this.clientAuth = true;
        return this;
    }

    /**
     * Issues the certificate. The specification may be changed and issued again.
     *
     * @return the key and chain: {@code [leaf, ca]}, or {@code [leaf]} when self-signed
     */
    public Credential issue() {
        KeyPair leafKeys = Keys.leaf(keyType);
        X500NameBuilder subjectBuilder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "deepmail test");
        if (commonName != null) {
            subjectBuilder.addRDN(BCStyle.CN, commonName);
        }
        X500Name subject = subjectBuilder.build();
        X500Name issuerName = selfSigned ? subject : issuer.subject();
        KeyPair signing = selfSigned ? leafKeys : issuer.keys();
        KeyType signer = selfSigned ? keyType : issuer.keyType();
        int usage = keyType == KeyType.RSA ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                : KeyUsage.digitalSignature;
        KeyPurposeId[] purposes = clientAuth
                ? new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}
                : new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth};
        GeneralName[] sans = names.toArray(GeneralName[]::new);
        X509Certificate leaf = CertificateMaker.sign(issuerName, signing.getPublic(), signing.getPrivate(), signer,
                subject, leafKeys.getPublic(), notBefore, notAfter, b -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
                    if (sans.length > 0) {
                        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
                    }
                });
        return new Credential(leafKeys.getPrivate(),
                selfSigned ? List.of(leaf) : List.of(leaf, issuer.certificate()));
    }
}
