package io.deepmail.core.testkit;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * A private key with its certificate chain, ready for a test server: pass {@link #key()} and
 * {@link #chainArray()} to Netty's {@code SslContextBuilder.forServer(key, chain)}, or use the
 * PEM forms.
 *
 * <p>The chain is leaf-first. For a leaf issued by a {@link TestCa} it is {@code [leaf, ca]}: the
 * issuing CA certificate is included, as a server would send it. For a self-signed leaf it is
 * {@code [leaf]}.
 *
 * @param key the leaf's private key
 * @param chain the certificate chain, leaf first; never empty
 * @since 0.1
 */
public record Credential(PrivateKey key, List<X509Certificate> chain) {

    /**
     * Creates a credential.
     *
     * @param key the leaf's private key
     * @param chain the certificate chain, leaf first; never empty
     */
    public Credential {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a credential needs at least the leaf certificate");
        }
    }

    /**
     * The end-entity certificate.
     *
     * @return the first certificate of the chain
     */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    /**
     * The chain as an array, the form Netty's {@code SslContextBuilder} takes.
     *
     * @return a new array, leaf first
     */
    public X509Certificate[] chainArray() {
        return chain.toArray(X509Certificate[]::new);
    }

    /**
     * The chain as PEM text: one {@code CERTIFICATE} block per certificate, leaf first.
     *
     * @return the PEM text
     */
    public String certificateChainPem() {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate c : chain) {
            pem.append(certificatePem(c));
        }
        return pem.toString();
    }

    /**
     * The private key as unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}).
     *
     * @return the PEM text
     */
    public String privateKeyPem() {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /**
     * One certificate as a PEM {@code CERTIFICATE} block.
     *
     * @param certificate any certificate
     * @return the PEM text, ending with a newline
     */
    public static String certificatePem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode " + certificate.getSubjectX500Principal(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return "-----BEGIN " + type + "-----\n" + base64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
