package io.deepmail.core.interop;

import io.deepmail.core.testkit.LineDecoder;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.CertificateIdentityException;
import io.deepmail.core.DaneVerificationException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.TlsaRecord;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.testkit.Tlsa;
import io.deepmail.core.tls.ReferenceIdentifiers;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TlsProviderPreference;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.ConnectRequest;
import io.deepmail.core.transport.ExchangeEngine;
import io.deepmail.core.transport.ExchangeOptions;
import io.deepmail.core.transport.FifoCorrelator;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.core.transport.MailDecoder;
import io.deepmail.core.transport.MailTransport;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.string.StringEncoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * DANE against the interop lab's real servers: Dovecot (IMAPS) and Postfix (SUBMISSIONS, and
 * SUBMISSION with STARTTLS), with both TLS providers. The client trusts no CA that issued the lab's
 * certificates: its only trust anchor is an unrelated test root, so every success here is DANE's.
 *
 * <p>The TLSA answers are built in the test from the association data the lab writes to
 * {@code lab.env} ({@code LAB_TLSA_*}, the values it publishes in its signed zone), as DNSSEC-secure
 * answers. The DNS client that looks them up through the lab's validating resolver is written in
 * parallel; once it exists these answers can come from it instead.
 */
class DaneIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static LabEnvironment lab;
    private static MailResources resources;

    @BeforeAll
    static void start() {
        resources = MailResources.create();
    }

    /** Per test, so that without a lab every test is reported as skipped, with the reason. */
    @BeforeEach
    void requireLab() {
        lab = LabEnvironment.require();
    }

    @AfterAll
    static void stop() {
        resources.disposeLater().block(WAIT);
    }

    static List<TlsProviderPreference> providers() {
        return List.of(TlsProviderPreference.JDK, TlsProviderPreference.BORINGSSL);
    }

    // ---- set-up ---------------------------------------------------------------------------------

    /** A transport whose only trust anchor has nothing to do with the lab. */
    private static MailTransport untrusting(TlsProviderPreference provider) {
        return MailTransport.create(resources).tls(TlsOptions.builder().provider(provider)
                .trustAnchors(TrustAnchors.of(TestPki.unknownRoot().certificate())).build());
    }

    /** A transport that trusts the lab CA, so that PKIX alone would pass. */
    private static MailTransport trustingLabCa(TlsProviderPreference provider) {
        return MailTransport.create(resources).tls(TlsOptions.builder().provider(provider)
                .trustAnchors(TrustAnchors.fromPem(lab.path("LAB_CA_PEM"))).build());
    }

    private static ConnectRequest request(MailProtocol protocol, String portKey, TransportMode mode, String host) {
        int port = lab.port(portKey);
        Endpoint endpoint = new Endpoint(protocol, host, port, mode);
        return new ConnectRequest(endpoint, ReferenceIdentifiers.forManualHost(host), DiscoveryTrust.MANUAL,
                new InetSocketAddress(lab.get("LAB_IP4"), port));
    }

    private static ConnectRequest request(MailProtocol protocol, String portKey, TransportMode mode) {
        return request(protocol, portKey, mode, lab.get("LAB_HOST"));
    }

    /** The RRset the lab publishes for its services: {@code 3 1 1} for the RSA and the ECDSA key. */
    private static DnsAnswer<TlsaRecord> daneEe(ConnectRequest request) {
        return Tlsa.secure(owner(request), Tlsa.hex(3, 1, 1, lab.get("LAB_TLSA_RSA_SPKI_SHA256")),
                Tlsa.hex(3, 1, 1, lab.get("LAB_TLSA_ECDSA_SPKI_SHA256")));
    }

    private static String owner(ConnectRequest request) {
        return "_" + request.endpoint().port() + "._tcp." + request.endpoint().host();
    }

    // ---- line dialogue ----------------------------------------------------------------------------

    private static ExchangeEngine<String, String> lines(MailConnection connection) {
        connection.addCodec("lines", new LineDecoder()).addCodec("strings", new StringEncoder(StandardCharsets.US_ASCII));
        return connection.exchange(FifoCorrelator.instance(), ExchangeOptions.defaults());
    }

    /** The last line of an SMTP reply has a space after its code (RFC 5321 §4.2.1). */
    private static final Predicate<String> SMTP_LAST = l -> l.length() < 4 || l.charAt(3) == ' ';

    /** Reads the greeting with {@code isLast}, closes, and returns the greeting with the record. */
    private static Mono<Result> greet(MailTransport transport, ConnectRequest request, Predicate<String> isLast) {
        return transport.connect(request).flatMap(connection -> lines(connection)
                .exchange(Flux.<String>empty(), isLast).collectList()
                .flatMap(greeting -> connection.close()
                        .thenReturn(new Result(greeting, connection.security().orElseThrow()))));
    }

    record Result(List<String> lines, SessionSecurity security) {
    }

    private static void assertDane(SessionSecurity security, AuthenticationMethod method, boolean implicit) {
        assertThat(security.authentication()).isEqualTo(method);
        assertThat(security.tags()).contains(SecurityTag.TLS, SecurityTag.CERT_DANE).doesNotContain(SecurityTag.CERT_PKIX);
        assertThat(security.has(SecurityTag.IMPLICIT)).isEqualTo(implicit);
        assertThat(security.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
    }

    // ---- tests ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("DANE-05/DANE-12: TLSA 3 1 1 authenticates Dovecot's IMAPS port with CERT_DANE and no trusted CA")
    void imapsDaneEe(TlsProviderPreference provider) {
        ConnectRequest request = request(MailProtocol.IMAP, "LAB_IMAPS_PORT", TransportMode.IMPLICIT);
        Result result = greet(untrusting(provider), request.withTlsa(daneEe(request)), l -> true).block(WAIT);
        assertThat(result.lines()).singleElement().asString().startsWith("* OK");
        assertDane(result.security(), AuthenticationMethod.DANE_EE, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("DANE-05/DANE-12: TLSA 3 1 1 authenticates Postfix's SUBMISSIONS port with CERT_DANE and no trusted CA")
    void submissionsDaneEe(TlsProviderPreference provider) {
        ConnectRequest request = request(MailProtocol.SUBMISSION, "LAB_SUBMISSIONS_PORT", TransportMode.IMPLICIT);
        Result result = greet(untrusting(provider), request.withTlsa(daneEe(request)), SMTP_LAST).block(WAIT);
        assertThat(result.lines()).last().asString().startsWith("220 ");
        assertDane(result.security(), AuthenticationMethod.DANE_EE, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("DANE-05: TLSA 3 1 1 authenticates STARTTLS on Postfix's SUBMISSION port, and EHLO works inside TLS")
    void submissionStartTlsDaneEe(TlsProviderPreference provider) {
        ConnectRequest request = request(MailProtocol.SUBMISSION, "LAB_SUBMISSION_PORT", TransportMode.STARTTLS);
        SessionSecurity[] security = new SessionSecurity[1];
        List<String> ehloInsideTls = untrusting(provider).connect(request.withTlsa(daneEe(request)))
                .flatMap(connection -> {
                    ExchangeEngine<String, String> engine = lines(connection);
                    return engine.exchange(Flux.<String>empty(), SMTP_LAST).then()
                            .then(engine.exchange("EHLO client.example.test\r\n", SMTP_LAST).collectList())
                            .flatMap(ehlo -> {
                                assertThat(ehlo).anyMatch(l -> l.contains("STARTTLS"));
                                return connection.startTls(engine, "STARTTLS\r\n", SMTP_LAST, l -> l.startsWith("220"));
                            })
                            .doOnNext(s -> security[0] = s)
                            .then(engine.exchange("EHLO client.example.test\r\n", SMTP_LAST).collectList())
                            .flatMap(ehlo -> engine.exchange("QUIT\r\n", SMTP_LAST).then(connection.close())
                                    .thenReturn(ehlo));
                }).block(WAIT);
        assertThat(ehloInsideTls).last().asString().startsWith("250 ");
        assertThat(ehloInsideTls).anyMatch(l -> l.contains("AUTH")).noneMatch(l -> l.contains("STARTTLS"));
        assertDane(security[0], AuthenticationMethod.DANE_EE, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("DANE-05: the lab's wrong-hash 3 1 1 record fails the connection although PKIX to the lab CA passes")
    void wrongHashFailsDespitePkix(TlsProviderPreference provider) {
        ConnectRequest request = request(MailProtocol.IMAP, "LAB_IMAPS_PORT", TransportMode.IMPLICIT);
        MailTransport transport = trustingLabCa(provider);

        Result pkix = greet(transport, request, l -> true).block(WAIT);
        assertThat(pkix.security().authentication()).as("PKIX alone passes").isEqualTo(AuthenticationMethod.PKIX);

        DnsAnswer<TlsaRecord> wrong = Tlsa.secure(owner(request), Tlsa.hex(3, 1, 1, lab.get("LAB_TLSA_WRONG_SHA256")));
        greet(transport, request.withTlsa(wrong), l -> true)
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DaneVerificationException.class)
                        .hasMessageContaining("3 1 1 " + lab.get("LAB_TLSA_WRONG_SHA256").substring(0, 32)))
                .verify(WAIT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("DANE-06: DANE-TA (2 1 1 with the lab CA's key) authenticates IMAPS and SUBMISSIONS, with names checked")
    void daneTa(TlsProviderPreference provider) {
        TlsaRecord anchor = Tlsa.hex(2, 1, 1, lab.get("LAB_TLSA_CA_SPKI_SHA256"));
        ConnectRequest imaps = request(MailProtocol.IMAP, "LAB_IMAPS_PORT", TransportMode.IMPLICIT);
        Result imap = greet(untrusting(provider), imaps.withTlsa(Tlsa.secure(owner(imaps), anchor)), l -> true)
                .block(WAIT);
        assertDane(imap.security(), AuthenticationMethod.DANE_TA, true);

        ConnectRequest submissions = request(MailProtocol.SUBMISSION, "LAB_SUBMISSIONS_PORT", TransportMode.IMPLICIT);
        Result smtp = greet(untrusting(provider), submissions.withTlsa(Tlsa.secure(owner(submissions), anchor)),
                SMTP_LAST).block(WAIT);
        assertDane(smtp.security(), AuthenticationMethod.DANE_TA, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("DANE-06: DANE-TA rejects the lab's certificate for a name it does not carry")
    void daneTaNameMismatch(TlsProviderPreference provider) {
        ConnectRequest request = request(MailProtocol.IMAP, "LAB_IMAPS_PORT", TransportMode.IMPLICIT,
                "unlisted.example.test");
        TlsaRecord anchor = Tlsa.hex(2, 1, 1, lab.get("LAB_TLSA_CA_SPKI_SHA256"));
        greet(untrusting(provider), request.withTlsa(Tlsa.secure(owner(request), anchor)), l -> true)
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(CertificateIdentityException.class)
                        .hasMessageContaining("DANE-TA"))
                .verify(WAIT);
    }

    /** CRLF lines, one per decode call, as {@link MailDecoder} asks. */
}
