package io.deepmail.benchmarks.common;

import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.KeyType;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The one set of trust material every peer and the servers share: a test root, a server leaf for
 * {@link #HOST}, and a hosts file mapping that name to loopback, written once by the driver into a
 * directory that every JVM of the run reads.
 */
public final class BenchPki {

    /** The server name every peer connects to and checks the certificate against. */
    public static final String HOST = "mail.bench.test";

    /** The CA certificate, PEM. */
    public static final String CA_PEM = "ca.pem";
    /** The server chain, PEM, leaf first. */
    public static final String CHAIN_PEM = "server-chain.pem";
    /** The server key, PKCS#8 PEM. */
    public static final String KEY_PEM = "server-key.pem";
    /** A hosts file ({@code jdk.net.hosts.file}) mapping {@link #HOST} to 127.0.0.1. */
    public static final String HOSTS = "hosts";

    private BenchPki() {
    }

    /**
     * Issues the CA and the server leaf and writes them into {@code dir}.
     *
     * @param dir the directory, created if missing
     * @param keyType the key type of CA and leaf
     */
    public static void write(Path dir, KeyType keyType) {
        write(dir, keyType, HOST);
    }

    /**
     * As {@link #write(Path, KeyType)}, with the server leaf issued for another name: every peer must
     * then refuse the server.
     *
     * @param dir the directory, created if missing
     * @param keyType the key type of CA and leaf
     * @param leafName the DNS name in the leaf
     */
    public static void write(Path dir, KeyType keyType, String leafName) {
        try {
            Files.createDirectories(dir);
            TestCa ca = TestPki.trusted(keyType);
            Credential leaf = ca.leaf().dns(leafName).issue();
            Files.writeString(dir.resolve(CA_PEM), ca.certificatePem(), StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve(CHAIN_PEM), leaf.certificateChainPem(), StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve(KEY_PEM), leaf.privateKeyPem(), StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve(HOSTS), "127.0.0.1 " + HOST + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The CA certificate written by {@link #write}.
     *
     * @param dir the PKI directory
     * @return the root certificate
     */
    public static X509Certificate ca(Path dir) {
        return firstCertificate(dir.resolve(CA_PEM));
    }

    /**
     * The server's leaf certificate written by {@link #write} (for TLSA records).
     *
     * @param dir the PKI directory
     * @return the leaf, the first certificate of the chain
     */
    public static X509Certificate leaf(Path dir) {
        return firstCertificate(dir.resolve(CHAIN_PEM));
    }

    private static X509Certificate firstCertificate(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + pem.getFileName(), e);
        }
    }

    /**
     * A JDK trust manager factory trusting only the CA, for the peers built on JSSE sockets.
     *
     * @param dir the PKI directory
     * @return the initialised factory
     */
    public static TrustManagerFactory trustManagers(Path dir) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("bench-ca", ca(dir));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the benchmark trust store", e);
        }
    }

    /**
     * A JDK (SunJSSE) TLS context trusting only the CA.
     *
     * @param dir the PKI directory
     * @return the context
     */
    public static SSLContext jdkContext(Path dir) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(dir).getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the benchmark TLS context", e);
        }
    }
}
