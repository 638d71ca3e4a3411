package io.deepmail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jspecify.annotations.Nullable;

/** Self-tests of the scripted TLS server, driven by plain {@code SSLSocket} and Bouncy Castle clients. */
class ScriptedTlsServerUnitTests {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String HOST = "mail.example.test";

    private static Issued rsa;
    private static Issued ecdsa;

    /** The server-side TLS implementations the tests run against. */
    enum ServerTls {
        JDK, OPENSSL, BCJSSE;

        ScriptedTlsServer.Builder configure(ScriptedTlsServer.Builder builder) {
            return switch (this) {
                case JDK -> builder.sslProvider(SslProvider.JDK);
                case OPENSSL -> {
                    assumeTrue(OpenSsl.isAvailable(), "BoringSSL (netty-tcnative) is not available here");
                    yield builder.sslProvider(SslProvider.OPENSSL);
                }
                case BCJSSE -> builder.jcaProvider(bcJsse());
            };
        }
    }

    @BeforeAll
    static void issueCertificates() throws Exception {
        rsa = selfSigned("RSA", 2048, "SHA256withRSA");
        ecdsa = selfSigned("EC", 256, "SHA256withECDSA");
    }

    @Test
    @DisplayName("listens on 127.0.0.1 with an ephemeral port")
    void listensOnLoopbackOnly() throws Exception {
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().start()) {
            assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(server.port()).isPositive().isEqualTo(server.address().getPort());
            assertThat(server.connections()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerTls.class)
    @DisplayName("implicit TLS: round trip with decrypted transcript, SNI and close_notify recorded")
    void implicitTlsRoundTrip(ServerTls tls) throws Exception {
        Script script = Script.builder()
                .send("* OK ready\r\n")
                .expectLine("a1 NOOP")
                .send("a1 OK done\r\n")
                .awaitClose()
                .build();
        try (ScriptedTlsServer server = tls.configure(ScriptedTlsServer.builder())
                .credential(ecdsa.key(), ecdsa.certificate())
                .implicitTls()
                .script(script)
                .start()) {
            try (SSLSocket socket = tlsSocket(server, clientContext(), HOST)) {
                socket.startHandshake();
                assertThat(readLine(socket.getInputStream())).isEqualTo("* OK ready");
                write(socket.getOutputStream(), "a1 NOOP\r\n");
                assertThat(readLine(socket.getInputStream())).isEqualTo("a1 OK done");
            }
            ScriptedConnection connection = server.awaitScriptDone(WAIT);
            connection.awaitClosed(WAIT);
            assertThat(connection.tlsStarted()).isTrue();
            assertThat(connection.handshakeCompleted()).isTrue();
            assertThat(connection.protocol()).isEqualTo("TLSv1.3");
            assertThat(connection.cipherSuite()).startsWith("TLS_");
            assertThat(connection.sniHostName()).isEqualTo(HOST);
            assertThat(connection.cleartextReceived()).isEmpty();
            assertThat(connection.tlsReceivedText()).isEqualTo("a1 NOOP\r\n");
            assertThat(connection.linesRead()).containsExactly("a1 NOOP");
            assertThat(new String(connection.wireReceived(), StandardCharsets.ISO_8859_1)).doesNotContain("NOOP");
            assertThat(connection.closeNotifyReceived()).isTrue();
        }
    }

    @Test
    @DisplayName("STARTTLS: cleartext and TLS transcripts are split where TLS started")
    void startTlsSplitsTranscripts() throws Exception {
        Script script = Script.builder()
                .send("* OK ready\r\n")
                .expectLine("a1 CAPABILITY")
                .send("* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\na1 OK done\r\n")
                .expectLine(line -> line.endsWith("STARTTLS"))
                .send("a2 OK Begin TLS\r\n")
                .startTls()
                .expectLine(line -> line.startsWith("a3 LOGIN "))
                .send("a3 OK logged in\r\n")
                .close()
                .build();
        try (ScriptedTlsServer server = ScriptedTlsServer.builder()
                .credential(rsa.key(), rsa.certificate())
                .script(script)
                .start();
                Socket plain = new Socket(server.address().getAddress(), server.port())) {
            plain.setSoTimeout(5000);
            InputStream in = plain.getInputStream();
            assertThat(readLine(in)).isEqualTo("* OK ready");
            write(plain.getOutputStream(), "a1 CAPABILITY\r\n");
            assertThat(readLine(in)).startsWith("* CAPABILITY");
            assertThat(readLine(in)).isEqualTo("a1 OK done");
            write(plain.getOutputStream(), "a2 STARTTLS\r\n");
            assertThat(readLine(in)).isEqualTo("a2 OK Begin TLS");
            try (SSLSocket socket = (SSLSocket) clientContext().getSocketFactory()
                    .createSocket(plain, HOST, server.port(), true)) {
                socket.startHandshake();
                write(socket.getOutputStream(), "a3 LOGIN user secret\r\n");
                assertThat(readLine(socket.getInputStream())).isEqualTo("a3 OK logged in");
            }
            ScriptedConnection connection = server.awaitScriptDone(WAIT);
            assertThat(connection.cleartextReceivedText()).isEqualTo("a1 CAPABILITY\r\na2 STARTTLS\r\n")
                    .doesNotContain("secret");
            assertThat(connection.tlsReceivedText()).isEqualTo("a3 LOGIN user secret\r\n");
            assertThat(connection.linesRead()).containsExactly("a1 CAPABILITY", "a2 STARTTLS", "a3 LOGIN user secret");
            assertThat(connection.protocol()).isEqualTo("TLSv1.3");
            assertThat(connection.sniHostName()).isEqualTo(HOST);
            connection.awaitClosed(WAIT);
        }
    }

    @Test
    @DisplayName("injection shape: replies sent in one write arrive in one read, sendSeparately splits them")
    void oneWriteIsOneRead() throws Exception {
        Script script = Script.builder()
                .expectLine("a1 STARTTLS")
                .send("a1 OK Begin TLS\r\n* BYE forged\r\n")
                .expectLine("a2 STARTTLS")
                .sendSeparately("a2 OK Begin TLS\r\n", "* BYE forged\r\n")
                .awaitClose()
                .build();
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().script(script).start()) {
            try (Socket socket = new Socket(server.address().getAddress(), server.port())) {
                socket.setSoTimeout(5000);
                write(socket.getOutputStream(), "a1 STARTTLS\r\n");
                assertThat(readOnce(socket.getInputStream())).isEqualTo("a1 OK Begin TLS\r\n* BYE forged\r\n");
                write(socket.getOutputStream(), "a2 STARTTLS\r\n");
                assertThat(readOnce(socket.getInputStream())).isEqualTo("a2 OK Begin TLS\r\n");
                assertThat(readOnce(socket.getInputStream())).isEqualTo("* BYE forged\r\n");
            }
            server.awaitScriptDone(WAIT);
        }
    }

    @Test
    @DisplayName("injection shape: forged bytes in their own segment before the ClientHello, no application data after")
    void injectionBeforeClientHello() throws Exception {
        Script script = Script.builder()
                .expectLine("a1 STARTTLS")
                .sendThenInject("a1 OK Begin TLS\r\n", "* BYE forged\r\n")
                .startTls()
                .expectLine("a2 CAPABILITY")
                .build();
        try (ScriptedTlsServer server = ScriptedTlsServer.builder()
                .credential(rsa.key(), rsa.certificate())
                .script(script)
                .start()) {
            try (Socket socket = new Socket(server.address().getAddress(), server.port())) {
                socket.setSoTimeout(5000);
                write(socket.getOutputStream(), "a1 STARTTLS\r\n");
                assertThat(readLine(socket.getInputStream())).isEqualTo("a1 OK Begin TLS");
                assertThat(readLine(socket.getInputStream())).isEqualTo("* BYE forged");
                // A correct client aborts here instead of starting the handshake.
            }
            ScriptedConnection connection = server.awaitConnection(0, WAIT);
            assertThat(connection.awaitScriptFailure(WAIT)).hasMessageContaining("TLS handshake");
            assertThat(connection.tlsStarted()).isTrue();
            assertThat(connection.handshakeCompleted()).isFalse();
            assertThat(connection.tlsReceived()).isEmpty();
            assertThat(connection.cleartextReceivedText()).isEqualTo("a1 STARTTLS\r\n");
            assertThat(connection.sniHostName()).isNull();
        }
    }

    @Test
    @DisplayName("SNI: the host name is recorded when sent, null when the client sends none")
    void sniRecorded() throws Exception {
        try (ScriptedTlsServer server = ScriptedTlsServer.builder()
                .credential(rsa.key(), rsa.certificate())
                .implicitTls()
                .script(Script.builder().send("* OK\r\n").awaitClose().build())
                .start()) {
            // A fresh client context each time: the JDK client resends the cached session's SNI on resumption.
            for (String sni : new String[] {"imap.example.test", null}) {
                try (SSLSocket socket = tlsSocket(server, clientContext(), sni)) {
                    assertThat(readLine(socket.getInputStream())).isEqualTo("* OK");
                }
            }
            assertThat(server.awaitConnection(0, WAIT).sniHostName()).isEqualTo("imap.example.test");
            ScriptedConnection second = server.awaitConnection(1, WAIT);
            second.awaitScriptDone(WAIT);
            assertThat(second.handshakeCompleted()).isTrue();
            assertThat(second.sniHostName()).isNull();
        }
    }

    @Test
    @DisplayName("TLS 1.1 only: BoringSSL serves TLS 1.1 to a client that allows it")
    void tls11ViaBoringSsl() throws Exception {
        assumeTrue(OpenSsl.isAvailable(), "BoringSSL (netty-tcnative) is not available here");
        try (ScriptedTlsServer server = ScriptedTlsServer.builder()
                .credential(rsa.key(), rsa.certificate())
                .sslProvider(SslProvider.OPENSSL)
                .protocols("TLSv1.1")
                .ciphers("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")
                .implicitTls()
                .script(Script.builder().send("* OK old\r\n").expectLine("a1 LOGOUT").send("a1 OK\r\n")
                        .awaitClose().build())
                .start();
                Socket socket = new Socket(server.address().getAddress(), server.port())) {
            socket.setSoTimeout(5000);
            TlsClientProtocol client = tls11Client(socket);
            assertThat(readLine(client.getInputStream())).isEqualTo("* OK old");
            write(client.getOutputStream(), "a1 LOGOUT\r\n");
            assertThat(readLine(client.getInputStream())).isEqualTo("a1 OK");
            client.close();
            ScriptedConnection connection = server.awaitScriptDone(WAIT);
            assertThat(connection.protocol()).isEqualTo("TLSv1.1");
            assertThat(connection.cipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
            assertThat(connection.tlsReceivedText()).isEqualTo("a1 LOGOUT\r\n");
        }
    }

    @Test
    @DisplayName("TLS 1.1 only: BCJSSE refuses, it obeys jdk.tls.disabledAlgorithms like SunJSSE")
    void tls11NotViaBcJsse() throws Exception {
        assumeTrue(Security.getProperty("jdk.tls.disabledAlgorithms").contains("TLSv1.1"),
                "this JDK does not disable TLS 1.1");
        try (ScriptedTlsServer server = ScriptedTlsServer.builder()
                .credential(rsa.key(), rsa.certificate())
                .jcaProvider(bcJsse())
                .protocols("TLSv1.1")
                .implicitTls()
                .start();
                Socket socket = new Socket(server.address().getAddress(), server.port())) {
            socket.setSoTimeout(5000);
            assertThatThrownBy(() -> tls11Client(socket)).isInstanceOf(IOException.class);
            assertThat(server.awaitConnection(0, WAIT).awaitScriptFailure(WAIT))
                    .hasMessageContaining("No usable protocols enabled");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ServerTls.class, names = {"JDK", "OPENSSL"})
    @DisplayName("static RSA: a server restricted to TLS_RSA_WITH_AES_128_GCM_SHA256 negotiates it")
    void staticRsaSuite(ServerTls tls) throws Exception {
        String suite = "TLS_RSA_WITH_AES_128_GCM_SHA256";
        assumeTrue(!Security.getProperty("jdk.tls.disabledAlgorithms").contains("TLS_RSA_"),
                "this JDK disables static RSA, so its client cannot offer it");
        try (ScriptedTlsServer server = tls.configure(ScriptedTlsServer.builder())
                .credential(rsa.key(), rsa.certificate())
                .protocols("TLSv1.2")
                .ciphers(suite)
                .implicitTls()
                .script(Script.builder().send("* OK\r\n").awaitClose().build())
                .start()) {
            try (SSLSocket socket = tlsSocket(server, clientContext(), HOST)) {
                socket.setEnabledProtocols(new String[] {"TLSv1.2"});
                socket.setEnabledCipherSuites(new String[] {suite});
                assertThat(readLine(socket.getInputStream())).isEqualTo("* OK");
                assertThat(socket.getSession().getCipherSuite()).isEqualTo(suite);
            }
            ScriptedConnection connection = server.awaitScriptDone(WAIT);
            assertThat(connection.protocol()).isEqualTo("TLSv1.2");
            assertThat(connection.cipherSuite()).isEqualTo(suite);
        }
    }

    @Test
    @DisplayName("RSA and ECDSA credentials at once (JDK): the certificate follows the client's suite")
    void rsaAndEcdsaTogetherOnJdk() throws Exception {
        try (ScriptedTlsServer server = dualCredentialServer(ServerTls.JDK)) {
            assertThat(serverKeyAlgorithm(server, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")).isEqualTo("EC");
            assertThat(serverKeyAlgorithm(server, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")).isEqualTo("RSA");
            assertThat(server.awaitConnection(1, WAIT).cipherSuite())
                    .isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        }
    }

    @Test
    @DisplayName("RSA and ECDSA credentials at once (BCJSSE): the certificate follows the client's suite")
    void rsaAndEcdsaTogetherOnBcJsse() throws Exception {
        try (ScriptedTlsServer server = dualCredentialServer(ServerTls.BCJSSE)) {
            assertThat(serverKeyAlgorithm(server, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")).isEqualTo("EC");
            assertThat(serverKeyAlgorithm(server, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")).isEqualTo("RSA");
        }
    }

    @Test
    @DisplayName("RSA and ECDSA credentials at once (BoringSSL): only the first key type of the server's order")
    void rsaAndEcdsaTogetherOnBoringSsl() throws Exception {
        try (ScriptedTlsServer server = dualCredentialServer(ServerTls.OPENSSL)) {
            assertThat(serverKeyAlgorithm(server, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")).isEqualTo("EC");
            // Netty's OpenSslKeyMaterialManager loads one key, for the first usable auth method.
            assertThatThrownBy(() -> serverKeyAlgorithm(server, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"))
                    .isInstanceOf(IOException.class);
            assertThat(server.awaitConnection(1, WAIT).awaitScriptFailure(WAIT))
                    .hasMessageContaining("NO_SHARED_CIPHER");
        }
    }

    @Test
    @DisplayName("script failures reach the test: a wrong line, and a timeout, each with its reason")
    void failuresAreReported() throws Exception {
        try (ScriptedTlsServer server = ScriptedTlsServer.builder()
                .scripts(i -> i == 0
                        ? Script.builder().expectLine("a1 LOGOUT").build()
                        : Script.builder().timeout(Duration.ofMillis(200)).expectLine("a1 LOGOUT").build())
                .start()) {
            try (Socket socket = new Socket(server.address().getAddress(), server.port())) {
                write(socket.getOutputStream(), "a1 NOOP\r\n");
                assertThatThrownBy(() -> server.awaitScriptDone(WAIT))
                        .isInstanceOf(AssertionError.class)
                        .hasMessageContaining("expect line \"a1 LOGOUT\"")
                        .hasMessageContaining("read \"a1 NOOP\"");
            }
            try (Socket socket = new Socket(server.address().getAddress(), server.port())) {
                write(socket.getOutputStream(), "a1 LOG");
                ScriptedConnection second = server.awaitConnection(1, WAIT);
                assertThat(second.awaitScriptFailure(WAIT)).hasMessageContaining("no complete line within PT0.2S")
                        .hasMessageContaining("unconsumed: \"a1 LOG\"");
                second.awaitClosed(WAIT);
            }
        }
    }

    @Test
    @DisplayName("pipelining shape: cleartext sent after STARTTLS but before the go-ahead fails startTls")
    void cleartextBeforeHandshakeFails() throws Exception {
        Script script = Script.builder()
                .expectLine("a1 STARTTLS")
                .pause(Duration.ofMillis(200))
                .send("a1 OK Begin TLS\r\n")
                .startTls()
                .build();
        try (ScriptedTlsServer server = ScriptedTlsServer.builder()
                .credential(rsa.key(), rsa.certificate())
                .script(script)
                .start();
                Socket socket = new Socket(server.address().getAddress(), server.port())) {
            write(socket.getOutputStream(), "a1 STARTTLS\r\na2 LOGIN user secret\r\n");
            ScriptedConnection connection = server.awaitConnection(0, WAIT);
            assertThat(connection.awaitScriptFailure(WAIT))
                    .hasMessageContaining("cleartext byte(s) arrived before TLS started")
                    .hasMessageContaining("a2 LOGIN");
            assertThat(connection.cleartextReceivedText()).contains("secret");
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A throwaway self-signed certificate for {@value #HOST}. */
    private record Issued(PrivateKey key, X509Certificate certificate) {
    }

    private static Issued selfSigned(String keyAlgorithm, int keySize, String signatureAlgorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
        generator.initialize(keySize);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=" + HOST);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(3600)),
                Date.from(now.plus(Duration.ofDays(1))), name, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, HOST)));
        ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate());
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        return new Issued(pair.getPrivate(), certificate);
    }

    /** A BCJSSE instance over its own BC crypto provider; neither is registered globally. */
    private static Provider bcJsse() {
        return new BouncyCastleJsseProvider(new BouncyCastleProvider());
    }

    /** A SunJSSE client context trusting both test certificates. */
    private static SSLContext clientContext() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("rsa", rsa.certificate());
        trusted.setCertificateEntry("ecdsa", ecdsa.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** Bouncy Castle's low-level TLS client, offering TLS 1.1 only; it is not bound by JDK security properties. */
    private static TlsClientProtocol tls11Client(Socket socket) throws IOException {
        TlsClientProtocol protocol = new TlsClientProtocol(socket.getInputStream(), socket.getOutputStream());
        protocol.connect(new DefaultTlsClient(new BcTlsCrypto(new SecureRandom())) {
            @Override
            protected ProtocolVersion[] getSupportedVersions() {
                return ProtocolVersion.TLSv11.only();
            }

            @Override
            public TlsAuthentication getAuthentication() {
                return new ServerOnlyTlsAuthentication() {
                    @Override
                    public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                        byte[] leaf = serverCertificate.getCertificate().getCertificateAt(0).getEncoded();
                        try {
                            if (!Arrays.equals(leaf, rsa.certificate().getEncoded())) {
                                throw new IOException("unexpected server certificate");
                            }
                        } catch (java.security.cert.CertificateEncodingException e) {
                            throw new IOException(e);
                        }
                    }
                };
            }
        });
        return protocol;
    }

    /** Reads one CRLF line byte by byte, so nothing past it is consumed. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("end of stream after " + line);
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
    }

    private static ScriptedTlsServer dualCredentialServer(ServerTls tls) throws Exception {
        return tls.configure(ScriptedTlsServer.builder())
                .credential(rsa.key(), rsa.certificate())
                .credential(ecdsa.key(), List.of(ecdsa.certificate()))
                .implicitTls()
                .script(Script.builder().send("* OK\r\n").awaitClose().build())
                .start();
    }

    /** Connects with TLS 1.2 and one suite, and returns the key algorithm of the server's certificate. */
    private static String serverKeyAlgorithm(ScriptedTlsServer server, String suite) throws Exception {
        try (SSLSocket socket = tlsSocket(server, clientContext(), HOST)) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setEnabledCipherSuites(new String[] {suite});
            assertThat(readLine(socket.getInputStream())).isEqualTo("* OK");
            return socket.getSession().getPeerCertificates()[0].getPublicKey().getAlgorithm();
        } catch (IOException e) {
            Thread.sleep(200);
            throw new IOException(suite + ": " + e + "; server side: " + server.connections(), e);
        }
    }

    /** A JSSE client socket to the server, sending {@code sni} as server_name unless null. */
    private static SSLSocket tlsSocket(ScriptedTlsServer server, SSLContext context, @Nullable String sni)
            throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(server.address().getAddress(),
                server.port());
        socket.setSoTimeout(5000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
        socket.setSSLParameters(parameters);
        return socket;
    }

    /** One {@code read} call: what arrived together. */
    private static String readOnce(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        int n = in.read(buffer);
        return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
