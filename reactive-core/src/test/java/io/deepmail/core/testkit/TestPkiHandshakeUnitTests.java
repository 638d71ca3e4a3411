package io.deepmail.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Proves that TLS stacks accept test PKI chains loaded from PEM, by handshaking two in-memory engines. */
class TestPkiHandshakeUnitTests {

    static Stream<Arguments> stacks() {
        List<Arguments> args = new ArrayList<>();
        List<SslProvider> providers = OpenSsl.isAvailable() ? List.of(SslProvider.JDK, SslProvider.OPENSSL)
                : List.of(SslProvider.JDK);
        for (KeyType type : KeyType.values()) {
            for (SslProvider server : providers) {
                for (SslProvider client : providers) {
                    args.add(Arguments.of(type, server, client));
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} chain, {1} server, {2} client")
    @MethodSource("stacks")
    @DisplayName("testkit: a good chain from PEM completes a TLS handshake")
    void handshakeSucceeds(KeyType type, SslProvider serverProvider, SslProvider clientProvider) throws Exception {
        TestCa ca = TestPki.trusted(type);
        Credential server = ca.leaf().dns("mail.example.test").issue();
        SslContext serverContext = SslContextBuilder.forServer(ascii(server.certificateChainPem()),
                ascii(server.privateKeyPem())).sslProvider(serverProvider).build();
        SslContext clientContext = SslContextBuilder.forClient().sslProvider(clientProvider)
                .trustManager(ca.certificate()).endpointIdentificationAlgorithm(null).build();
        SSLEngine serverEngine = serverContext.newEngine(ByteBufAllocator.DEFAULT);
        SSLEngine clientEngine = clientContext.newEngine(ByteBufAllocator.DEFAULT, "mail.example.test", 993);
        try {
            handshake(clientEngine, serverEngine);
            assertThat(clientEngine.getSession().getPeerCertificates()[0]).isEqualTo(server.leaf());
        } finally {
            ReferenceCountUtil.release(serverEngine);
            ReferenceCountUtil.release(clientEngine);
            ReferenceCountUtil.release(serverContext);
            ReferenceCountUtil.release(clientContext);
        }
    }

    private static ByteArrayInputStream ascii(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
        ByteBuffer toServer = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
        ByteBuffer toClient = ByteBuffer.allocate(server.getSession().getPacketBufferSize());
        ByteBuffer app = ByteBuffer.allocate(64 * 1024);
        ByteBuffer empty = ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        for (int i = 0; i < 50 && !(done(client) && done(server)); i++) {
            client.wrap(empty, toServer);
            runTasks(client);
            server.wrap(empty, toClient);
            runTasks(server);
            toServer.flip();
            server.unwrap(toServer, app);
            toServer.compact();
            runTasks(server);
            toClient.flip();
            client.unwrap(toClient, app);
            toClient.compact();
            runTasks(client);
            app.clear();
        }
        assertThat(done(client) && done(server)).as("handshake finished").isTrue();
    }

    private static boolean done(SSLEngine engine) {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
    }

    private static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }
}
