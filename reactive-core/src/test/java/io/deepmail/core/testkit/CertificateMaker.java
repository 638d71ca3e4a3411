package io.deepmail.core.testkit;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds and signs one X.509 v3 certificate with Bouncy Castle, adding the key identifier
 * extensions every certificate of the test PKI carries. Only the test PKI uses it.
 */
final class CertificateMaker {

    /** Adds the extensions specific to one certificate. */
    @FunctionalInterface
    interface Extensions {
        void addTo(X509v3CertificateBuilder builder) throws CertIOException;
    }

    private CertificateMaker() {
    }

    /**
     * Signs a certificate.
     *
     * @param issuer the issuer's name (the subject for a self-signed certificate)
     * @param issuerPublic the issuer's public key, for the authority key identifier
     * @param issuerPrivate the key that signs
     * @param signer the issuer's key type, which picks the signature algorithm
     * @param subject the subject name
     * @param subjectKey the certified public key
     * @param notBefore start of validity
     * @param notAfter end of validity
     * @param extensions the remaining extensions
     * @return the certificate, parsed by the JDK
     */
    static X509Certificate sign(X500Name issuer, PublicKey issuerPublic, PrivateKey issuerPrivate, KeyType signer,
            X500Name subject, PublicKey subjectKey, Instant notBefore, Instant notAfter, Extensions extensions) {
        try {
            BigInteger serial = new BigInteger(63, ThreadLocalRandom.current()).add(BigInteger.ONE);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial,
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
            JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    ids.createAuthorityKeyIdentifier(issuerPublic));
            extensions.addTo(builder);
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(signer.signatureAlgorithm()).build(issuerPrivate)));
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a test certificate for " + subject, e);
        }
    }
}
