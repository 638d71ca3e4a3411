package io.deepmail.core.latch;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.CertificatePathException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.LatchViolationException;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TlsVersion;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.ConnectRequest;
import io.deepmail.core.transport.ExchangeEngine;
import io.deepmail.core.transport.ExchangeOptions;
import io.deepmail.core.transport.FifoCorrelator;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.core.transport.MailTransport;
import io.netty.handler.codec.string.StringEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The latch gate on real connections: MailTransport over Implicit TLS to scripted servers, the
 * gate applied with {@code transform}, and a stand-in protocol step that sends a LOGIN line only
 * once the gate has passed (LAT-04, LAT-05, LAT-06, LAT-07, TLS-06).
 */
class LatchEndToEndUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String HOST = "mail.example.test";
    private static final TestCa CA = TestPki.rsa();
    private static final Credential VALID = CA.leaf().dns(HOST).issue();
    private static final Credential WRONG = TestPki.unknownRoot().leaf().dns(HOST).issue();
    private static final String LOGIN = "a1 LOGIN alice secret-password";

    private final EventRecorder recorder = new EventRecorder();
    private final LatchService latches = recorder.wire(LatchService.create(LatchStores.inMemory())
            .policy(LatchPolicy.builder().versionCeiling(TlsVersion.TLS_1_3).build()));
    private final Account alice = Sessions.account();
    private final MailTransport transport = MailTransport.create(RESOURCES.get())
            .tls(TlsOptions.builder().trustAnchors(TrustAnchors.of(CA.certificate())).build());

    private static ScriptedTlsServer tlsServer(Credential credential, String protocol) throws Exception {
        return ScriptedTlsServer.builder().credential(credential.key(), credential.chain()).implicitTls()
                .protocols(protocol)
                .script(Script.builder().send("* OK ready\r\n").expectLine(LOGIN).send("a1 OK\r\n").awaitClose().build())
                .start();
    }

    private static Endpoint endpoint(ScriptedTlsServer server, TransportMode mode) {
        return new Endpoint(MailProtocol.IMAP, HOST, server.port(), mode);
    }

    /** Connect, gate, then the protocol's first credential-bearing command. */
    private Mono<String> login(ScriptedTlsServer server, TransportMode mode) {
        ConnectRequest request = ConnectRequest.manual(endpoint(server, mode)).withAddress(server.address());
        return transport.connect(request)
                .transform(SecurityOperators.latch(latches, alice))
                .flatMap(connection -> {
                    connection.addCodec("frames", new Lines())
                            .addCodec("strings", new StringEncoder(StandardCharsets.US_ASCII));
                    ExchangeEngine<String, String> engine = connection.exchange(FifoCorrelator.instance(),
                            ExchangeOptions.defaults());
                    return engine.exchange(Flux.<String>empty(), line -> true).then(
                            engine.exchange(Flux.just(LOGIN + "\r\n"), line -> line.startsWith("a1 ")).last())
                            .flatMap(reply -> connection.close().thenReturn(reply));
                });
    }

    @Test
    @DisplayName("LAT-04/LAT-05/LAT-06/LAT-07: valid certificate latches PROVISIONAL, confirm makes it NORMAL, then weaker servers are refused before credentials")
    void latchThenRefuse() throws Exception {
        Endpoint first;
        try (ScriptedTlsServer good = tlsServer(VALID, "TLSv1.3")) {
            login(good, TransportMode.IMPLICIT).as(StepVerifier::create).expectNext("a1 OK").expectComplete()
                    .verify(WAIT);
            assertThat(good.awaitScriptDone(WAIT).tlsReceivedText()).contains(LOGIN);
            first = endpoint(good, TransportMode.IMPLICIT);
        }
        EndpointLatches provisional = latches.state(alice).block(WAIT).endpoint(first);
        assertThat(provisional.state(SecurityTag.CERT_PKIX)).isEqualTo(TagState.PROVISIONAL);
        assertThat(provisional.latchedVersion(TagState.PROVISIONAL)).contains(TlsVersion.TLS_1_3);
        latches.confirm(alice, first).block(WAIT);
        assertThat(latches.state(alice).block(WAIT).endpoint(first).state(SecurityTag.CERT_PKIX))
                .isEqualTo(TagState.NORMAL);

        // Another endpoint (a new port) inherits only the account floor (L16): TLS 1.2 with a valid
        // certificate passes there; the same endpoint downgraded is refused (sameEndpointDowngrade).
        try (ScriptedTlsServer elsewhere = tlsServer(VALID, "TLSv1.2")) {
            login(elsewhere, TransportMode.IMPLICIT).as(StepVerifier::create).expectNext("a1 OK").expectComplete()
                    .verify(WAIT);
        }

        // A server with a certificate that does not validate: refused in the handshake.
        try (ScriptedTlsServer wrong = tlsServer(WRONG, "TLSv1.3")) {
            login(wrong, TransportMode.IMPLICIT).as(StepVerifier::create)
                    .expectError(CertificatePathException.class).verify(WAIT);
            assertNoCredentials(wrong.awaitConnection(0, WAIT));
        }

        // A cleartext server: the account-wide certificate latch and the minimum level refuse it.
        try (ScriptedTlsServer clear = ScriptedTlsServer.builder()
                .script(Script.builder().send("* OK ready\r\n").expectLine(LOGIN).awaitClose().build()).start()) {
            login(clear, TransportMode.PLAINTEXT).as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(LatchViolationException.class)
                            .satisfies(v -> assertThat(((LatchViolationException) v).findings())
                                    .extracting(LatchFinding::property)
                                    .contains(LatchProperty.MINIMUM_LEVEL, LatchProperty.ACCOUNT_CERTIFICATE)))
                    .verify(WAIT);
            ScriptedConnection seen = clear.awaitConnection(0, WAIT);
            seen.awaitClosed(WAIT);
            assertThat(seen.cleartextReceived()).as("zero bytes from the client").isEmpty();
        }
    }

    @Test
    @DisplayName("LAT-06: with a NORMAL TLS 1.3 latch on the endpoint, a TLS 1.2 session on it is refused and the server sees no byte")
    void sameEndpointDowngrade() throws Exception {
        try (ScriptedTlsServer server = ScriptedTlsServer.builder().credential(VALID.key(), VALID.chain())
                .implicitTls().script(Script.builder().send("* OK ready\r\n").expectLine(LOGIN).send("a1 OK\r\n")
                        .awaitClose().build()).start()) {
            login(server, TransportMode.IMPLICIT).as(StepVerifier::create).expectNext("a1 OK").expectComplete()
                    .verify(WAIT);
            latches.confirm(alice, endpoint(server, TransportMode.IMPLICIT)).block(WAIT);
            MailTransport tls12Only = transport.tls(transport.tlsOptions().mutate().versions(TlsVersion.TLS_1_2).build());
            ConnectRequest request = ConnectRequest.manual(endpoint(server, TransportMode.IMPLICIT))
                    .withAddress(server.address());
            tls12Only.connect(request).transform(SecurityOperators.latch(latches, alice))
                    .flatMap(c -> Mono.<MailConnection>error(new AssertionError("gate passed")))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(((LatchViolationException) e).property())
                            .isEqualTo(LatchProperty.TLS_VERSION))
                    .verify(WAIT);
            ScriptedConnection second = server.awaitConnection(1, WAIT);
            second.awaitClosed(WAIT);
            assertThat(second.tlsReceived()).as("no credential byte").isEmpty();
            assertThat(recorder.of(LatchEvent.Violated.class)).hasSize(1);
        }
    }

    private static void assertNoCredentials(ScriptedConnection seen) {
        seen.awaitClosed(WAIT);
        assertThat(seen.tlsReceivedText()).doesNotContain("LOGIN").isEmpty();
        assertThat(seen.cleartextReceived()).isEmpty();
    }

    /** CRLF lines as strings, for the stand-in protocol step. */
    private static final class Lines extends io.deepmail.core.transport.MailDecoder {
        @Override
        protected void decode(io.netty.channel.ChannelHandlerContext ctx, io.netty.buffer.ByteBuf in,
                java.util.List<Object> out) {
            int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (eol >= 0) {
                String line = in.readCharSequence(eol - in.readerIndex() + 1, StandardCharsets.US_ASCII).toString();
                out.add(line.strip());
            }
        }
    }
}
