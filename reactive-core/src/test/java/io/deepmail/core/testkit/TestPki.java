package io.deepmail.core.testkit;

import java.util.EnumMap;
import java.util.Map;

/**
 * An in-process test PKI built with Bouncy Castle: test root CAs in RSA 2048 and ECDSA P-256 that
 * issue leaf certificates for loopback servers, and an "unknown root" that no test trusts.
 *
 * <p>Every CA, and one leaf key per key type, is generated once per JVM and then reused, so
 * issuing a certificate is cheap. Typical use:
 *
 * <pre>{@code
 * TestCa ca = TestPki.rsa();
 * Credential server = ca.leaf().dns("mail.example.test").srv("_imaps.example.test").issue();
 * SslContext serverContext = SslContextBuilder.forServer(server.key(), server.chainArray()).build();
 * TrustAnchors anchors = TrustAnchors.of(ca.certificate());
 * }</pre>
 *
 * @since 0.1
 */
public final class TestPki {

    private static final Map<KeyType, TestCa> TRUSTED = new EnumMap<>(KeyType.class);
    private static final Map<KeyType, TestCa> UNKNOWN = new EnumMap<>(KeyType.class);

    private TestPki() {
    }

    /**
     * The RSA 2048 test root.
     *
     * @return the shared RSA test CA
     */
    public static TestCa rsa() {
        return trusted(KeyType.RSA);
    }

    /**
     * The ECDSA P-256 test root.
     *
     * @return the shared EC test CA
     */
    public static TestCa ec() {
        return trusted(KeyType.EC);
    }

    /**
     * The test root of a key type: the CA tests configure as a trust anchor.
     *
     * @param type the CA's key type
     * @return the shared test CA of that type
     */
    public static synchronized TestCa trusted(KeyType type) {
        return TRUSTED.computeIfAbsent(type, t -> TestCa.create("deepmail Test Root CA " + t, t));
    }

    /**
     * A second, ECDSA root that tests never trust: its leaves must fail path validation against
     * {@link #rsa()} and {@link #ec()}.
     *
     * @return the shared untrusted CA
     */
    public static TestCa unknownRoot() {
        return unknownRoot(KeyType.EC);
    }

    /**
     * An untrusted root of a key type.
     *
     * @param type the CA's key type
     * @return the shared untrusted CA of that type
     */
    public static synchronized TestCa unknownRoot(KeyType type) {
        return UNKNOWN.computeIfAbsent(type, t -> TestCa.create("deepmail Unknown Root CA " + t, t));
    }
}
