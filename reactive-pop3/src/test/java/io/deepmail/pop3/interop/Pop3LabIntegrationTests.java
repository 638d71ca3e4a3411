package io.deepmail.pop3.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.pop3.Pop3AuthMethod;
import io.deepmail.pop3.Pop3Client;
import io.deepmail.pop3.Pop3ListEntry;
import io.deepmail.pop3.Pop3Session;
import io.deepmail.pop3.Pop3Stat;
import io.deepmail.pop3.Pop3UidlEntry;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The POP3 client against the lab's real Dovecot: the race on the strict listener, STLS, both
 * authentication paths, and the seed messages byte for byte against the Maildir files.
 */
class Pop3LabIntegrationTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String HOST = "mail.example.test";

    private LabEnvironment env;
    private Pop3Client client;
    private String strict;

    @BeforeEach
    void lab() throws Exception {
        env = LabEnvironment.require();
        strict = env.get("LAB_STRICT_HOST");
        client = Pop3Client.create(RESOURCES.get())
                .tls(TlsOptions.builder().trustAnchors(TrustAnchors.fromPem(env.path("LAB_CA_PEM"))).build())
                .resolver(AddressResolver.of(Map.of(
                        HOST, List.of(InetAddress.getByName(env.get("LAB_IP4"))),
                        strict, List.of(InetAddress.getByName(env.get("LAB_STRICT_IP"))))));
    }

    private Account user(String key) {
        return env.account(key);
    }

    private Targets on(String host, TransportMode mode, String portKey) {
        return Targets.endpoints(MailProtocol.POP3, new Endpoint(MailProtocol.POP3, host, env.port(portKey), mode));
    }

    private static byte[] bytes(Flux<ByteBuf> chunks) {
        return chunks.reduce(new ByteArrayOutputStream(), (out, buf) -> {
            try {
                buf.readBytes(out, buf.readableBytes());
                return out;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                buf.release();
            }
        }).map(ByteArrayOutputStream::toByteArray).block(WAIT);
    }

    /** The seed message numbered {@code n} as Dovecot stored it, with CRLF line ends as POP3 sends them. */
    private byte[] seedFile(String localPart, int n) throws IOException {
        Path maildir = env.path("LAB_RUN_DIR").resolve("mail").resolve(env.get("LAB_DOMAIN")).resolve(localPart)
                .resolve("Maildir");
        try (Stream<Path> files = Stream.concat(Files.list(maildir.resolve("cur")), Files.list(maildir.resolve("new")))) {
            Path file = files.filter(p -> p.getFileName().toString().contains(".M" + n + "P")).findFirst()
                    .orElseThrow();
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    @DisplayName("SRV-12/TLS-17: racing 995 against 110 on the strict listener ends on Implicit TLS at level 1")
    void race() {
        Targets targets = Targets.endpoints(MailProtocol.POP3,
                new Endpoint(MailProtocol.POP3, strict, env.port("LAB_POP3S_PORT"), TransportMode.IMPLICIT),
                new Endpoint(MailProtocol.POP3, strict, env.port("LAB_POP3_PORT"), TransportMode.STARTTLS));
        Pop3Session session = client.connect(user("LAB_USER1"), targets).block(WAIT);
        assertThat(session.security().endpoint().mode()).isEqualTo(TransportMode.IMPLICIT);
        assertThat(session.security().level()).isEqualTo(ConfidentialityLevel.VERIFIED);
        assertThat(session.security().tags()).contains(SecurityTag.TLS, SecurityTag.IMPLICIT, SecurityTag.CERT_PKIX);
        session.authenticate().then(session.stat()).as(StepVerifier::create)
                .expectNext(new Pop3Stat(env.port("LAB_SEED_MESSAGES"), statSize())).expectComplete().verify(WAIT);
        session.quit().block(WAIT);
    }

    private long statSize() {
        try {
            long total = 0;
            for (int n = 1; n <= env.port("LAB_SEED_MESSAGES"); n++) {
                total += seedFile("alice", n).length;
            }
            return total;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("TLS-09/TLS-12: STLS on the strict listener, USER and SASL appear only in the post-TLS CAPA, "
            + "USER/PASS inside TLS")
    void stlsStrict() {
        Pop3Session session = client.connect(user("LAB_USER1"), on(strict, TransportMode.STARTTLS, "LAB_POP3_PORT"))
                .block(WAIT);
        assertThat(session.security().has(SecurityTag.IMPLICIT)).isFalse();
        assertThat(session.capabilities().has("USER")).isTrue();
        assertThat(session.capabilities().saslMechanisms()).contains("PLAIN");
        assertThat(session.capabilities().stls()).as("post-TLS list").isFalse();
        session.authenticate(Pop3AuthMethod.USER_PASS).then(session.noop()).then(session.quit()).block(WAIT);
    }

    @Test
    @DisplayName("AUTH PLAIN over Implicit TLS; STAT, LIST, UIDL match the seed; RETR and TOP byte for byte; "
            + "DELE + RSET keeps the message")
    void mailOperations() throws Exception {
        Pop3Session session = client.connect(user("LAB_USER1"), on(HOST, TransportMode.IMPLICIT, "LAB_POP3S_PORT"))
                .block(WAIT);
        session.authenticate(Pop3AuthMethod.SASL_PLAIN).block(WAIT);
        int seeds = env.port("LAB_SEED_MESSAGES");
        List<Pop3ListEntry> list = session.list().block(WAIT);
        assertThat(list).hasSize(seeds);
        List<Pop3UidlEntry> uidl = session.uidl().block(WAIT);
        assertThat(uidl).hasSize(seeds).extracting(Pop3UidlEntry::uid).doesNotHaveDuplicates();
        assertThat(session.uidl(2).block(WAIT)).isEqualTo(uidl.get(1));
        for (int n = 1; n <= seeds; n++) {
            byte[] expected = seedFile("alice", n);
            assertThat(bytes(session.retr(n))).as("RETR %d", n).isEqualTo(expected);
            assertThat(list.get(n - 1).size()).isEqualTo(expected.length);
        }
        String header = new String(seedFile("alice", 1), StandardCharsets.ISO_8859_1);
        header = header.substring(0, header.indexOf("\r\n\r\n") + 4);
        assertThat(new String(bytes(session.top(1, 0)), StandardCharsets.ISO_8859_1)).isEqualTo(header);
        session.dele(1).block(WAIT);
        assertThat(session.stat().block(WAIT).count()).isEqualTo(seeds - 1);
        session.rset().block(WAIT);
        assertThat(session.stat().block(WAIT).count()).isEqualTo(seeds);
        session.quit().block(WAIT);
    }

    @Test
    @DisplayName("cancelling a RETR mid-stream leaves the real session in step")
    void cancelRetr() {
        Pop3Session session = client.connect(user("LAB_USER1"), on(HOST, TransportMode.IMPLICIT, "LAB_POP3S_PORT"))
                .block(WAIT);
        session.authenticate().block(WAIT);
        session.retr(4).take(1).doOnNext(ByteBuf::release).blockLast(WAIT);
        assertThat(session.list(4).block(WAIT).number()).isEqualTo(4);
        session.quit().block(WAIT);
    }

    @Test
    @DisplayName("the cleartext-only instance is never contacted for a level-1 account")
    void cleartextRefused() {
        client.connect(user("LAB_USER1"), on(HOST, TransportMode.PLAINTEXT, "LAB_CLEAR_POP3_PORT"))
                .as(StepVerifier::create).expectError().verify(WAIT);
    }

    @Test
    @DisplayName("DELE + QUIT removes the message on the server (bob's mailbox; the message is put back)")
    void deleQuit() throws Exception {
        Account bob = user("LAB_USER2");
        Pop3Session session = client.connect(bob, on(HOST, TransportMode.IMPLICIT, "LAB_POP3S_PORT")).block(WAIT);
        session.authenticate().block(WAIT);
        Pop3Stat before = session.stat().block(WAIT);
        assertThat(before.count()).isPositive();
        byte[] last = bytes(session.retr(before.count()));
        session.dele(before.count()).then(session.quit()).block(WAIT);

        Pop3Session again = client.connect(bob, on(HOST, TransportMode.IMPLICIT, "LAB_POP3S_PORT")).block(WAIT);
        again.authenticate().block(WAIT);
        assertThat(again.stat().block(WAIT).count()).isEqualTo(before.count() - 1);
        again.quit().block(WAIT);
        restore("bob", last);
    }

    /** Puts a message back into a lab Maildir, owned like the Maildir, so reruns see the seed count. */
    private void restore(String localPart, byte[] crlf) throws IOException {
        Path maildir = env.path("LAB_RUN_DIR").resolve("mail").resolve(env.get("LAB_DOMAIN")).resolve(localPart)
                .resolve("Maildir");
        Path file = maildir.resolve("new").resolve(System.currentTimeMillis() / 1000 + ".R" + System.nanoTime()
                + ".deepmail-test");
        Files.write(file, new String(crlf, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Files.setOwner(file, Files.getOwner(maildir));
    }

}
