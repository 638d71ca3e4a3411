package io.deepmail.imap;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailClientException;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.CandidatesExhaustedException;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Scripted IMAP servers on loopback and a client that trusts their test CA. */
final class ScriptedSessions {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final String HOST = "mail.example.test";
    static final TestCa CA = TestPki.rsa();
    static final Credential GOOD = CA.leaf().dns(HOST).issue();
    static final Account ALICE = Account.builder("alice@example.test")
            .credentials(CredentialsProvider.of(new Credentials.Password("alice", "s3cret"))).build();
    static final String PLAIN_IR = Base64.getEncoder()
            .encodeToString("\0alice\0s3cret".getBytes(StandardCharsets.UTF_8));

    private ScriptedSessions() {
    }

    static ScriptedTlsServer implicit(Script script) throws Exception {
        return ScriptedTlsServer.builder().credential(GOOD.key(), GOOD.chain()).implicitTls().script(script).start();
    }

    static ScriptedTlsServer startTls(Script script) throws Exception {
        return ScriptedTlsServer.builder().credential(GOOD.key(), GOOD.chain()).script(script).start();
    }

    static ImapClient client(MailResourcesExtension resources) throws Exception {
        MailTransport transport = MailTransport.create(resources.get())
                .tls(TlsOptions.builder().trustAnchors(TrustAnchors.of(CA.certificate())).build());
        return ImapClient.create(transport)
                .resolver(AddressResolver.of(Map.of(HOST, List.of(InetAddress.getByName("127.0.0.1")))));
    }

    static Targets targets(ScriptedTlsServer server, TransportMode mode) {
        return Targets.endpoints(MailProtocol.IMAP, new Endpoint(MailProtocol.IMAP, HOST, server.port(), mode));
    }

    /** A server greeting with {@code capabilities} that accepts ALICE's AUTHENTICATE PLAIN as tag A1. */
    static Script.Builder authenticated(String capabilities) {
        return Script.builder().send("* OK [CAPABILITY " + capabilities + "] ready\r\n")
                .expectLine("A1 AUTHENTICATE PLAIN " + PLAIN_IR)
                .send("A1 OK [CAPABILITY " + capabilities + "] done\r\n");
    }

    /** ALICE's authenticated session on an Implicit TLS scripted server. */
    static ImapSession connectImplicit(MailResourcesExtension resources, ScriptedTlsServer server) throws Exception {
        return client(resources).connect(ALICE, targets(server, TransportMode.IMPLICIT)).block(WAIT);
    }

    /** The typed reason of a single-candidate connect failure. */
    static MailClientException reason(Throwable failure) {
        if (failure instanceof CandidatesExhaustedException e) {
            return e.failures().get(0).reason();
        }
        return (MailClientException) failure;
    }
}
