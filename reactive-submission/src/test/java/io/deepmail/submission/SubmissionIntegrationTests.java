package io.deepmail.submission;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Against the lab's real Postfix (SASL through Dovecot, local delivery into the Dovecot Maildirs):
 * the race, AUTH, both RFC 8314 ports, a message read back over IMAP, refusals as typed errors.
 */
class SubmissionIntegrationTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);

    private LabEnvironment env;
    private SubmissionClient client;
    private String strict;

    @BeforeEach
    void lab() throws Exception {
        env = LabEnvironment.require();
        strict = env.get("LAB_STRICT_HOST");
        MailTransport transport = MailTransport.create(RESOURCES.get())
                .tls(TlsOptions.builder().trustAnchors(TrustAnchors.fromPem(env.path("LAB_CA_PEM"))).build());
        client = SubmissionClient.create(transport).resolver(AddressResolver.of(Map.of(
                strict, List.of(InetAddress.getByName(env.get("LAB_STRICT_IP"))),
                env.get("LAB_HOST"), List.of(InetAddress.getByName(env.get("LAB_IP4"))))));
    }

    private Account alice(String password) {
        return Account.builder(env.get("LAB_USER1"))
                .credentials(CredentialsProvider.of(new Credentials.Password(env.get("LAB_USER1"), password))).build();
    }

    private Account alice() {
        return alice(env.get("LAB_USER1_PASSWORD"));
    }

    private Endpoint endpoint(TransportMode mode) {
        String port = mode == TransportMode.IMPLICIT ? "LAB_SUBMISSIONS_PORT" : "LAB_SUBMISSION_PORT";
        return new Endpoint(MailProtocol.SUBMISSION, strict, env.port(port), mode);
    }

    private Targets both() {
        return Targets.endpoints(MailProtocol.SUBMISSION, endpoint(TransportMode.IMPLICIT),
                endpoint(TransportMode.STARTTLS));
    }

    private static Flux<ByteBuf> content(byte[] bytes) {
        return Flux.defer(() -> {
            int chunk = 64 * 1024;
            return Flux.range(0, (bytes.length + chunk - 1) / chunk)
                    .map(i -> Unpooled.wrappedBuffer(bytes, i * chunk, Math.min(chunk, bytes.length - i * chunk)));
        });
    }

    private static byte[] message(String from, String to, String subject, String body) {
        // Date and Message-ID present, so Postfix adds nothing below its trace headers.
        return ("Date: Mon, 1 Jun 2026 12:00:00 +0000\r\nMessage-ID: <" + subject + "@example.test>\r\n"
                + "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("TLS-22/SRV-12: racing 465 against 587 on the strict listener ends on Implicit TLS, authenticated")
    void race() {
        SubmissionSession session = client.connect(alice(), both()).block(WAIT);
        assertThat(session.security().endpoint().mode()).isEqualTo(TransportMode.IMPLICIT);
        assertThat(session.security().level()).isEqualTo(ConfidentialityLevel.VERIFIED);
        assertThat(session.security().tags()).contains(SecurityTag.TLS, SecurityTag.IMPLICIT, SecurityTag.CERT_PKIX);
        assertThat(session.extensions()).contains("AUTH", "PIPELINING").doesNotContain("STARTTLS");
        assertThat(session.noop().block(WAIT).code()).isEqualTo(250);
        session.quit().block(WAIT);
    }

    @ParameterizedTest
    @EnumSource(value = TransportMode.class, names = {"IMPLICIT", "STARTTLS"})
    @DisplayName("TLS-22: a message to bob over 465 (BDAT) and over 587 (STARTTLS required, DATA) arrives in his INBOX")
    void sendAndReadBack(TransportMode mode) throws Exception {
        String token = "deepmail-" + UUID.randomUUID();
        byte[] message = message(env.get("LAB_USER1"), env.get("LAB_USER2"), token,
                "Hello Bob,\r\n.a line starting with a dot\r\nGr\u00fc\u00dfe \u2014 8-bit\r\n");
        SubmissionClient c = client.options(client.options().mutate().chunking(mode == TransportMode.IMPLICIT).build());
        SubmissionResult result = c.send(alice(), Targets.endpoints(MailProtocol.SUBMISSION, endpoint(mode)),
                Envelope.builder(env.get("LAB_USER1")).to(env.get("LAB_USER2")).eightBitMime(true).build(),
                content(message)).block(WAIT);
        assertThat(result.queueId()).as("Postfix names its queue id").isNotBlank();
        assertThat(result.accepted()).containsExactly(env.get("LAB_USER2"));
        byte[] delivered = new LabMailbox(env, env.get("LAB_USER2"), env.get("LAB_USER2_PASSWORD"))
                .awaitMessage(token);
        assertThat(new String(delivered, StandardCharsets.UTF_8)).as("the delivered message ends with the bytes sent")
                .endsWith(new String(message, StandardCharsets.UTF_8));
        assertThat(endsWith(delivered, message)).as("byte for byte").isTrue();
    }

    @Test
    @DisplayName("a 5 MB message with an 8-bit body is read back byte for byte")
    void large() throws Exception {
        String token = "deepmail-large-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] line = ("0123456789 gr\u00fc\u00dfe \u00e9t\u00e9 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRS\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] dotLine = ".starts with a dot\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; body.size() < 5 * 1024 * 1024; i++) {
            body.writeBytes(i % 100 == 0 ? dotLine : line);
        }
        byte[] message = message(env.get("LAB_USER1"), env.get("LAB_USER2"), token,
                body.toString(StandardCharsets.UTF_8));
        SubmissionResult result = client.send(alice(), Targets.endpoints(MailProtocol.SUBMISSION,
                        endpoint(TransportMode.IMPLICIT)),
                Envelope.builder(env.get("LAB_USER1")).to(env.get("LAB_USER2")).eightBitMime(true)
                        .size(message.length).build(),
                content(message)).block(WAIT);
        assertThat(result.queueId()).isNotBlank();
        byte[] delivered = new LabMailbox(env, env.get("LAB_USER2"), env.get("LAB_USER2_PASSWORD"))
                .awaitMessage(token);
        assertThat(delivered.length).isGreaterThan(message.length);
        assertThat(endsWith(delivered, message)).isTrue();
    }

    @Test
    @DisplayName("pool: 100 pipelined messages over at most 4 pooled connections, all delivered, none duplicated")
    void pooled() throws Exception {
        String token = "deepmail-pool-" + UUID.randomUUID();
        AtomicInteger logins = new AtomicInteger();
        Account account = Account.builder(env.get("LAB_USER1")).credentials(() -> Mono.fromSupplier(() -> {
            logins.incrementAndGet();
            return new Credentials.Password(env.get("LAB_USER1"), env.get("LAB_USER1_PASSWORD"));
        })).build();
        Targets targets = Targets.endpoints(MailProtocol.SUBMISSION, endpoint(TransportMode.IMPLICIT));
        SubmissionPool pool = client.pool(PoolOptions.defaults().withMaxConnections(4));
        try {
            List<SubmissionResult> results = Flux.range(0, 100)
                    .flatMap(i -> pool.send(account, targets, Envelope.of(env.get("LAB_USER1"), env.get("LAB_USER2")),
                            content(message(env.get("LAB_USER1"), env.get("LAB_USER2"), token + "-" + i,
                                    "message " + i + "\r\n"))), 16)
                    .collectList().block(WAIT);
            assertThat(results).hasSize(100);
            assertThat(results).allSatisfy(r -> assertThat(r.reply().code()).isEqualTo(250));
            assertThat(results.stream().map(SubmissionResult::queueId).distinct()).hasSize(100);
            assertThat(pool.connections(account, targets)).isBetween(1, 4);
            assertThat(logins.get()).as("one AUTH per connection, at most 4").isBetween(1, 4);
        } finally {
            pool.disposeLater().block(WAIT);
        }
        int delivered = new LabMailbox(env, env.get("LAB_USER2"), env.get("LAB_USER2_PASSWORD"))
                .awaitCount(token, 100);
        assertThat(delivered).as("all delivered, none duplicated").isEqualTo(100);
    }

    @Test
    @DisplayName("a recipient in an outside domain is refused at RCPT with a typed permanent error")
    void outsideDomain() {
        client.send(alice(), both(), Envelope.of(env.get("LAB_USER1"), "someone@outside.invalid"),
                        content("Subject: x\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII)))
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(SmtpReplyException.class);
                    SmtpReplyException r = (SmtpReplyException) e;
                    assertThat(r.command()).isEqualTo("RCPT");
                    assertThat(r.isPermanent()).isTrue();
                    assertThat(r.enhancedStatus()).startsWith("5.");
                })
                .verify(WAIT);
    }

    @Test
    @DisplayName("a wrong password is a typed 535 error")
    void wrongPassword() {
        client.connect(alice("not-the-password"), Targets.endpoints(MailProtocol.SUBMISSION,
                        endpoint(TransportMode.STARTTLS)))
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(SmtpReplyException.class);
                    assertThat(((SmtpReplyException) e).code()).isEqualTo(535);
                    assertThat(((SmtpReplyException) e).isPermanent()).isTrue();
                })
                .verify(WAIT);
    }

    private static boolean endsWith(byte[] whole, byte[] tail) {
        return whole.length >= tail.length
                && Arrays.equals(whole, whole.length - tail.length, whole.length, tail, 0, tail.length);
    }
}
