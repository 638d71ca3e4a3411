package io.deepmail.core.testkit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/**
 * The key algorithms the test PKI issues: RSA 2048 and ECDSA on P-256, the two families every
 * TLS stack deepmail runs on (JDK and BoringSSL) accepts for server certificates.
 *
 * @since 0.1
 */
public enum KeyType {

    /** RSA with a 2048-bit modulus, signing with SHA256withRSA. */
    RSA("SHA256withRSA"),

    /** ECDSA on the NIST P-256 curve ({@code secp256r1}), signing with SHA256withECDSA. */
    EC("SHA256withECDSA");

    private final String signatureAlgorithm;

    KeyType(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /**
     * The JCA name of the signature algorithm a CA of this type signs with.
     *
     * @return e.g. {@code SHA256withRSA}
     */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /**
     * Generates a fresh key pair of this type. Slow for RSA: callers cache the result.
     *
     * @return a new key pair
     */
    KeyPair generate() {
        try {
            if (this == RSA) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + this + " key pair", e);
        }
    }
}
