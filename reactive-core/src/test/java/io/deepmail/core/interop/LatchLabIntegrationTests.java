package io.deepmail.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.CertificatePathException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.LatchViolationException;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.CandidatesExhaustedException;
import io.deepmail.core.connect.MailConnector;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.latch.EndpointLatches;
import io.deepmail.core.latch.LatchService;
import io.deepmail.core.latch.LatchStore;
import io.deepmail.core.latch.LatchStores;
import io.deepmail.core.latch.TagState;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedConnection;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsProviderPreference;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/**
 * Latching end to end on the default embedded store (REQUIREMENTS §3): a verified session with the
 * lab's Dovecot latches its tags PROVISIONAL, confirmation makes them NORMAL, and afterwards the
 * same account is refused before any credential by the cleartext-only Dovecot (a latch violation,
 * LAT-07, LAT-13) and by a server with an untrusted certificate (no byte of credentials sent, LAT-06).
 */
class LatchLabIntegrationTests {

    private static MailResources resources;

    @BeforeAll
    static void start() {
        resources = MailResources.create();
    }

    @AfterAll
    static void stop() {
        resources.disposeLater().block(Lab.WAIT);
    }

    @Test
    @DisplayName("LAT-04/LAT-05/LAT-07/LAT-13: latched on Dovecot, then refused by cleartext and by a bad certificate")
    void latchThenRefuse(@TempDir Path dir) throws Exception {
        Lab lab = Lab.require();
        LatchStore store = LatchStores.embedded(dir.resolve("latches.db"));
        try {
            LatchService latches = LatchService.create(store);
            Account.Builder edit = Account.builder(lab.env().get("LAB_USER1"))
                    .credentials(CredentialsProvider.of(new Credentials.Password("unused", "unused")));
            edit.lowerMinimumLevel(ConfidentialityLevel.NONE);
            Account account = edit.cleartextConsent(true).build();
            MailConnector connector = MailConnector.create(lab.transport(resources, TlsProviderPreference.AUTO))
                    .latches(latches);
            Endpoint imaps = new Endpoint(MailProtocol.IMAP, Lab.HOST, lab.env().port("LAB_IMAPS_PORT"),
                    TransportMode.IMPLICIT);
            connector = connector.resolver(io.deepmail.core.connect.AddressResolver.of(java.util.Map.of(Lab.HOST,
                    java.util.List.of(java.net.InetAddress.getByName(lab.env().get("LAB_IP4"))))));

            // LAT-15/LAT-04: a level-0 account still takes TLS; the compliant session latches PROVISIONAL.
            LineSession first = connector.connect(account, Targets.endpoints(MailProtocol.IMAP, imaps),
                    new LabDialect(Dialect.IMAP)).block(Lab.WAIT);
            first.quit().block(Lab.WAIT);
            EndpointLatches learned = latches.state(account).block(Lab.WAIT).endpoint(imaps);
            assertThat(learned.state(SecurityTag.CERT_PKIX)).isEqualTo(TagState.PROVISIONAL);
            assertThat(learned.state(SecurityTag.IMPLICIT)).isEqualTo(TagState.PROVISIONAL);

            // LAT-05: explicit confirmation makes them NORMAL; PFS stays provisional (L9).
            latches.confirm(account, imaps).block(Lab.WAIT);
            EndpointLatches confirmed = latches.state(account).block(Lab.WAIT).endpoint(imaps);
            assertThat(confirmed.state(SecurityTag.CERT_PKIX)).isEqualTo(TagState.NORMAL);
            assertThat(confirmed.state(SecurityTag.PFS)).isEqualTo(TagState.PROVISIONAL);

            // LAT-13/LAT-07: the account-wide certificate latch refuses the cleartext-only instance.
            Endpoint clear = new Endpoint(MailProtocol.IMAP, Lab.HOST, lab.env().port("LAB_CLEAR_IMAP_PORT"),
                    TransportMode.PLAINTEXT);
            connector.connect(account, Targets.endpoints(MailProtocol.IMAP, clear), new LabDialect(Dialect.IMAP))
                    .as(StepVerifier::create)
                    .expectError(LatchViolationException.class)
                    .verify(Lab.WAIT);

            // LAT-06: a server with a certificate from an unknown root gets no credential byte.
            Credential untrusted = TestPki.unknownRoot().leaf().dns(Lab.HOST).issue();
            Script script = Script.builder().timeout(Duration.ofSeconds(10)).send("* OK ready\r\n").awaitClose()
                    .build();
            try (ScriptedTlsServer rogue = ScriptedTlsServer.builder().credential(untrusted.key(), untrusted.chain())
                    .implicitTls().script(script).start()) {
                Endpoint rogueEndpoint = new Endpoint(MailProtocol.IMAP, Lab.HOST, rogue.port(), TransportMode.IMPLICIT);
                connector.connect(account, Targets.endpoints(MailProtocol.IMAP, rogueEndpoint),
                                new LabDialect(Dialect.IMAP))
                        .as(StepVerifier::create)
                        .expectErrorSatisfies(e -> assertThat(((CandidatesExhaustedException) e).failures())
                                .singleElement()
                                .satisfies(f -> assertThat(f.reason()).isInstanceOf(CertificatePathException.class)))
                        .verify(Lab.WAIT);
                ScriptedConnection seen = rogue.awaitConnection(0, Lab.WAIT);
                seen.awaitClosed(Lab.WAIT);
                assertThat(seen.tlsReceived()).as("no application byte, so no credential").isEmpty();
                assertThat(seen.cleartextReceived()).isEmpty();
            }
        } finally {
            store.dispose();
        }
    }
}
