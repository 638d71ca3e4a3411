package io.deepmail.imap;

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
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import io.deepmail.imap.command.Store;
import io.deepmail.imap.response.BodyStructure;
import io.deepmail.imap.response.ExistsData;
import io.deepmail.imap.response.FetchData;
import io.deepmail.imap.response.ListData;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The IMAP client against the lab's real Dovecot: the race on the strict listener, authentication,
 * the seeded messages, and read-write operations in a mailbox of its own (so the shared seed stays
 * untouched).
 */
@Tag("integration")
class ImapLabIntegrationTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Duration WAIT = Duration.ofSeconds(20);

    static ImapClient client(LabEnvironment env) throws Exception {
        return client(env, RESOURCES);
    }

    /** A client that trusts the lab CA and resolves the lab hosts, on another test class's resources. */
    static ImapClient client(LabEnvironment env, MailResourcesExtension resources) throws Exception {
        MailTransport transport = MailTransport.create(resources.get()).tls(TlsOptions.builder()
                .trustAnchors(TrustAnchors.fromPem(env.path("LAB_CA_PEM"))).build());
        return ImapClient.create(transport).resolver(AddressResolver.of(Map.of(
                env.get("LAB_STRICT_HOST"), List.of(InetAddress.getByName(env.get("LAB_STRICT_IP"))),
                env.get("LAB_HOST"), List.of(InetAddress.getByName(env.get("LAB_IP4"))))));
    }

    static Account alice(LabEnvironment env) {
        return Account.builder(env.get("LAB_USER1")).credentials(CredentialsProvider.of(
                new Credentials.Password(env.get("LAB_USER1"), env.get("LAB_USER1_PASSWORD")))).build();
    }

    private static Targets strict(LabEnvironment env, TransportMode... modes) {
        String host = env.get("LAB_STRICT_HOST");
        return Targets.endpoints(MailProtocol.IMAP, java.util.Arrays.stream(modes)
                .map(m -> new Endpoint(MailProtocol.IMAP, host, env.port(m == TransportMode.IMPLICIT
                        ? "LAB_IMAPS_PORT" : "LAB_IMAP_PORT"), m)).toArray(Endpoint[]::new));
    }

    static Targets main(LabEnvironment env) {
        return Targets.endpoints(MailProtocol.IMAP, new Endpoint(MailProtocol.IMAP, env.get("LAB_HOST"),
                env.port("LAB_IMAPS_PORT"), TransportMode.IMPLICIT));
    }

    @Test
    @DisplayName("race 993 vs 143 on the strict listener, AUTHENTICATE, EXAMINE, FETCH the seed: RFC 2047 subject, multipart structure, attachment bytes; SEARCH")
    void seedMessages() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        ImapSession s = client(env).connect(alice(env), strict(env, TransportMode.IMPLICIT, TransportMode.STARTTLS))
                .block(WAIT);
        try {
            assertThat(s.security().level()).isEqualTo(ConfidentialityLevel.VERIFIED);
            assertThat(s.security().endpoint().mode()).isEqualTo(TransportMode.IMPLICIT);
            assertThat(s.state()).isEqualTo(ImapState.AUTHENTICATED);
            assertThat(s.list("", "*", true).map(ListData::mailbox).collectList().block(WAIT)).contains("INBOX");
            MailboxState inbox = s.examine("INBOX").block(WAIT);
            assertThat(inbox.readOnly()).isTrue();
            assertThat(inbox.exists()).isGreaterThanOrEqualTo(Long.parseLong(env.get("LAB_SEED_MESSAGES")));
            List<FetchData> data = s.fetch("1:*", false, "UID", "FLAGS", "ENVELOPE", "BODYSTRUCTURE", "RFC822.SIZE")
                    .ofType(FetchData.class).collectList().block(WAIT);
            FetchData rfc2047 = data.stream().filter(d -> "<seed-rfc2047@deepmail.lab>".equals(d.envelope().messageId()))
                    .findFirst().orElseThrow();
            assertThat(rfc2047.envelope().decodedSubject()).isEqualTo("Grüße aus dem Labor — привет été");
            assertThat(rfc2047.envelope().from().get(0).decodedName()).isEqualTo("Erin Müller");
            FetchData attachment = data.stream()
                    .filter(d -> "<seed-attachment@deepmail.lab>".equals(d.envelope().messageId())).findFirst()
                    .orElseThrow();
            BodyStructure.Multipart mixed = (BodyStructure.Multipart) attachment.bodyStructure();
            assertThat(mixed.mediaType()).isEqualTo("multipart/mixed");
            assertThat(mixed.parts()).extracting(BodyStructure::mediaType)
                    .containsExactly("text/plain", "text/csv", "image/png");
            assertThat(((BodyStructure.Single) mixed.parts().get(1)).fileName()).isEqualTo("report.csv");

            byte[] csv = LabSessions.collect(s.fetch(String.valueOf(attachment.uid()), true, "BODY.PEEK[2]"));
            assertThat(new String(Base64.getMimeDecoder().decode(csv), StandardCharsets.US_ASCII))
                    .startsWith("protocol,port,mode\nimap,993,implicit");
            assertThat(s.search("SUBJECT \"Plain text seed message\"", false).block(WAIT)).hasSize(1);
        } finally {
            s.logout().block(WAIT);
        }
    }

    @Test
    @DisplayName("STARTTLS on the strict listener (LOGINDISABLED before TLS): upgrade, capabilities again, AUTHENTICATE (SCRAM-SHA-256 by default)")
    void startTls() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        ImapSession s = client(env).connect(alice(env), strict(env, TransportMode.STARTTLS)).block(WAIT);
        try {
            assertThat(s.security().endpoint().mode()).isEqualTo(TransportMode.STARTTLS);
            assertThat(s.security().level()).isEqualTo(ConfidentialityLevel.VERIFIED);
            assertThat(s.capabilities()).doesNotContain("STARTTLS", "LOGINDISABLED");
            assertThat(s.noop().then(Mono.just(true)).block(WAIT)).isTrue();
        } finally {
            s.logout().block(WAIT);
        }
    }

    @Test
    @DisplayName("in a mailbox of its own: APPEND then FETCH back, STORE flags, SEARCH, IDLE sees EXISTS from another session, COPY, EXPUNGE")
    void readWrite() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        ImapClient client = client(env);
        String box = "deepmail-it-" + UUID.randomUUID().toString().substring(0, 8);
        String message = "From: alice@example.test\r\nTo: alice@example.test\r\nSubject: appended " + box
                + "\r\n\r\nAppended by the IMAP integration test.\r\n";
        ImapSession s = client.connect(alice(env), main(env)).block(WAIT);
        ImapSession other = client.connect(alice(env), main(env)).block(WAIT);
        try {
            s.create(box).block(WAIT);
            s.append(box, List.of("\\Seen"), message.getBytes(StandardCharsets.UTF_8)).block(WAIT);
            MailboxState state = s.select(box).block(WAIT);
            assertThat(state.exists()).isEqualTo(1);
            assertThat(state.readOnly()).isFalse();
            assertThat(new String(LabSessions.collect(s.fetch("1", false, "BODY.PEEK[]")), StandardCharsets.UTF_8))
                    .isEqualTo(message);
            List<FetchData> stored = s.store(new Store("1", Store.Action.ADD, List.of("\\Flagged"), false, false))
                    .collectList().block(WAIT);
            assertThat(stored.get(0).flags()).contains("\\Flagged", "\\Seen");
            assertThat(s.search("FLAGGED", true).block(WAIT)).hasSize(1);

            s.idle().ofType(ExistsData.class).next()
                    .as(StepVerifier::create)
                    .then(() -> other.append(box, List.of(), message.getBytes(StandardCharsets.UTF_8))
                            .delaySubscription(Duration.ofMillis(500)).subscribe())
                    .assertNext(e -> assertThat(e.count()).isEqualTo(2))
                    .expectComplete().verify(WAIT);
            s.noop().block(WAIT); // the session is in step after DONE

            s.copy("1:2", box, false).block(WAIT);
            s.store(new Store("1:*", Store.Action.ADD, List.of("\\Deleted"), true, false)).blockLast(WAIT);
            assertThat(s.expunge().collectList().block(WAIT)).hasSize(4);
        } finally {
            s.examine("INBOX").then(s.delete(box)).onErrorResume(e -> Mono.empty()).block(WAIT);
            s.logout().block(WAIT);
            other.logout().block(WAIT);
        }
    }

    @Test
    @DisplayName("Dovecot: ID, ENABLE CONDSTORE (recorded), NAMESPACE, SEARCH RETURN (MIN MAX COUNT ALL), UID EXPUNGE of one UID, UNSELECT, CLOSE")
    void extensions() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        String box = "deepmail-ext-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] message = ("From: alice@example.test\r\nSubject: ext " + box + "\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.UTF_8);
        ImapSession s = client(env).connect(alice(env), main(env)).block(WAIT);
        try {
            assertThat(s.id(Map.of("name", "deepmail")).block(WAIT)).containsEntry("name", "Dovecot");
            assertThat(s.enable("CONDSTORE").block(WAIT)).contains("CONDSTORE");
            assertThat(s.enabled()).contains("CONDSTORE");
            assertThat(s.namespace().block(WAIT).personal()).isNotEmpty();

            s.create(box).block(WAIT);
            for (int i = 0; i < 3; i++) {
                s.append(box, List.of(), message).block(WAIT);
            }
            s.select(box).block(WAIT);
            var all = s.esearch("ALL", true, "MIN", "MAX", "COUNT", "ALL").block(WAIT);
            assertThat(all.uid()).isTrue();
            assertThat(all.count()).isEqualTo(3);
            assertThat(all.max() - all.min()).isEqualTo(2);
            long middle = all.min() + 1;
            s.store(new Store("1:*", Store.Action.ADD, List.of("\\Deleted"), true, false)).blockLast(WAIT);
            assertThat(s.uidExpunge(Long.toString(middle)).collectList().block(WAIT)).containsExactly(2L);
            assertThat(s.esearch("DELETED", false, "COUNT").block(WAIT).count()).isEqualTo(2);
            s.unselect().block(WAIT);
            assertThat(s.state()).isEqualTo(ImapState.AUTHENTICATED);
            assertThat(s.examine(box).block(WAIT).exists()).isEqualTo(2); // UNSELECT expunged nothing
            s.select(box).block(WAIT);
            s.closeMailbox().block(WAIT);
            assertThat(s.status(box, "MESSAGES").block(WAIT).get("MESSAGES")).isZero(); // CLOSE expunged
        } finally {
            s.delete(box).onErrorResume(e -> Mono.empty()).block(WAIT);
            s.logout().block(WAIT);
        }
    }
}
