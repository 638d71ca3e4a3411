package io.deepmail.core.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The roots a server certificate chain is validated against (RFC 5280). Either the system store
 * of the running JDK, or an explicit set given per client or per account as PEM, a
 * {@link KeyStore} or certificates. Files are read once, when the value is built.
 *
 * @since 0.1
 */
public final class TrustAnchors {

    private static final TrustAnchors SYSTEM = new TrustAnchors(null);

    private final List<X509Certificate> anchors;
    private final boolean system;

    private TrustAnchors(@Nullable List<X509Certificate> anchors) {
        this.system = anchors == null;
        this.anchors = anchors == null ? List.of() : List.copyOf(anchors);
    }

    /**
     * The JDK's default trust store ({@code cacerts}, or {@code javax.net.ssl.trustStore}).
     *
     * @return the system anchors
     */
    public static TrustAnchors system() {
        return SYSTEM;
    }

    /**
     * Exactly the given certificates.
     *
     * @param anchors one or more trust anchors
     * @return the anchors
     */
    public static TrustAnchors of(X509Certificate... anchors) {
        return of(List.of(anchors));
    }

    /**
     * Exactly the given certificates.
     *
     * @param anchors one or more trust anchors
     * @return the anchors
     */
    public static TrustAnchors of(List<X509Certificate> anchors) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is required");
        }
        return new TrustAnchors(anchors);
    }

    /**
     * Every certificate in a PEM text.
     *
     * @param pem one or more {@code -----BEGIN CERTIFICATE-----} blocks
     * @return the anchors
     * @throws IllegalArgumentException when the text holds no readable certificate
     */
    public static TrustAnchors fromPem(String pem) {
        return fromPem(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)), "PEM text");
    }

    /**
     * Every certificate in a PEM file, read now.
     *
     * @param file a PEM file
     * @return the anchors
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate
     */
    public static TrustAnchors fromPem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return fromPem(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read trust anchors from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every trusted certificate entry of a key store.
     *
     * @param keyStore a loaded key store
     * @return the anchors
     * @throws IllegalArgumentException when the store holds no certificate
     */
    public static TrustAnchors fromKeyStore(KeyStore keyStore) {
        try {
            List<X509Certificate> certs = new ArrayList<>();
            for (String alias : Collections.list(keyStore.aliases())) {
                Certificate c = keyStore.getCertificate(alias);
                if (c instanceof X509Certificate x) {
                    certs.add(x);
                }
            }
            return of(certs);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read trust anchors from key store: " + e.getMessage(), e);
        }
    }

    private static TrustAnchors fromPem(InputStream in, String source) {
        try {
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certs.add((X509Certificate) c);
            }
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("no certificate found in " + source);
            }
            return of(certs);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot parse trust anchors in " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The explicit anchors.
     *
     * @return the certificates, or empty when the system store is used
     */
    public Optional<List<X509Certificate>> certificates() {
        return system ? Optional.empty() : Optional.of(anchors);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustAnchors t && t.system == system && t.anchors.equals(anchors);
    }

    @Override
    public int hashCode() {
        return system ? 1 : anchors.hashCode();
    }

    @Override
    public String toString() {
        return system ? "TrustAnchors[system]" : "TrustAnchors[" + anchors.size() + " explicit]";
    }
}
