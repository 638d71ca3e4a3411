package io.deepmail.sandbox.internal;

import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's certificate authority and server credential, generated once per JVM: the RSA test
 * root of the core test kit and a leaf for {@code mail.sandbox.test}. GreenMail reads its TLS key
 * from a key store named by the {@code greenmail.tls.keystore.*} system properties, once per JVM,
 * so the credential is written to a PKCS #12 file and those properties are set before the first
 * GreenMail server starts.
 */
public final class SandboxCredential {

    /** The sandbox's mail domain. */
    public static final String DOMAIN = "sandbox.test";

    /** The host every SRV record points at, and the only name the certificate carries. */
    public static final String HOST = "mail." + DOMAIN;

    private static final String KEYSTORE_FILE = "greenmail.tls.keystore.file";
    private static final String KEYSTORE_PASSWORD = "greenmail.tls.keystore.password";
    private static final String KEY_PASSWORD = "greenmail.tls.key.password";

    private static @Nullable SandboxCredential instance;

    private final TestCa ca;
    private final Credential credential;

    private SandboxCredential(TestCa ca, Credential credential) {
        this.ca = ca;
        this.credential = credential;
    }

    /**
     * The JVM's sandbox credential, created on first use.
     *
     * @return the credential
     */
    public static synchronized SandboxCredential get() {
        if (instance == null) {
            TestCa ca = TestPki.rsa();
            Credential leaf = ca.leaf().dns(HOST).issue();
            installForGreenMail(leaf);
            instance = new SandboxCredential(ca, leaf);
        }
        return instance;
    }

    /**
     * The certificate authority that issued the servers' certificate.
     *
     * @return the CA
     */
    public TestCa ca() {
        return ca;
    }

    /**
     * The servers' key and chain.
     *
     * @return the credential
     */
    public Credential credential() {
        return credential;
    }

    private static void installForGreenMail(Credential leaf) {
        String password = "sandbox";
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("sandbox", leaf.key(), password.toCharArray(),
                    leaf.chain().toArray(new Certificate[0]));
            Path file = Files.createTempFile("deepmail-sandbox-", ".p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            System.setProperty(KEYSTORE_FILE, file.toString());
            System.setProperty(KEYSTORE_PASSWORD, password);
            System.setProperty(KEY_PASSWORD, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox key store", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the sandbox key store", e);
        }
    }
}
