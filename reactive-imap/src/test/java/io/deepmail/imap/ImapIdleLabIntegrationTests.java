package io.deepmail.imap;

import static io.deepmail.imap.LabSessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.transport.MailTransport;
import io.deepmail.imap.command.Store;
import io.deepmail.imap.response.ExistsData;
import io.deepmail.submission.Envelope;
import io.deepmail.submission.SubmissionClient;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * IDLE against the lab's Dovecot while a message is submitted through the lab's Postfix (with
 * deepmail's own Submission client, over Implicit TLS): the IDLE stream sees EXISTS for the
 * delivered message, DONE leaves the session in step, and the message is the one submitted.
 */
@Tag("integration")
class ImapIdleLabIntegrationTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    @Test
    @DisplayName("IDLE sees EXISTS when Postfix delivers a submitted message; after DONE the session searches and removes it")
    void idleSeesDelivery() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        String token = "idle-" + UUID.randomUUID();
        byte[] message = ("From: " + env.get("LAB_USER1") + "\r\nTo: " + env.get("LAB_USER2") + "\r\nSubject: " + token
                + "\r\nMessage-ID: <" + token + "@deepmail.lab>\r\n\r\nDelivered while the recipient idles.\r\n")
                .getBytes(StandardCharsets.UTF_8);
        MailTransport transport = MailTransport.create(RESOURCES.get()).tls(LabSessions.tls(env).build());
        SubmissionClient submission = SubmissionClient.create(transport).resolver(AddressResolver.of(Map.of(
                env.get("LAB_HOST"), List.of(InetAddress.getByName(env.get("LAB_IP4"))))));
        Targets submissions = Targets.endpoints(MailProtocol.SUBMISSION, new Endpoint(MailProtocol.SUBMISSION,
                env.get("LAB_HOST"), env.port("LAB_SUBMISSIONS_PORT"), TransportMode.IMPLICIT));

        ImapSession bob = LabSessions.client(env, transport).connect(LabSessions.user(env, "2"), LabSessions.main(env))
                .block(WAIT);
        try {
            long before = bob.select("INBOX").block(WAIT).exists();
            bob.idle().ofType(ExistsData.class).filter(e -> e.count() > before).next()
                    .as(StepVerifier::create)
                    .then(() -> submission.send(LabSessions.user(env, "1"), submissions,
                                    Envelope.of(env.get("LAB_USER1"), env.get("LAB_USER2")),
                                    Mono.fromSupplier(() -> Unpooled.wrappedBuffer(message)))
                            .delaySubscription(Duration.ofMillis(300)).subscribe())
                    .assertNext(e -> assertThat(e.count()).isGreaterThan(before))
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
            List<Long> found = bob.search("HEADER Message-ID \"<" + token + "@deepmail.lab>\"", true).block(WAIT);
            assertThat(found).as("the message that was submitted").hasSize(1);
            bob.store(new Store(Long.toString(found.get(0)), Store.Action.ADD, List.of("\\Deleted"), true, true))
                    .blockLast(WAIT);
            assertThat(bob.uidExpunge(Long.toString(found.get(0))).collectList().block(WAIT)).hasSize(1);
        } finally {
            bob.logout().block(WAIT);
        }
    }
}
