package io.deepmail.submission;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Scripted SMTP servers on loopback and a client that trusts their test CA. */
final class SmtpServers {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final String HOST = "mail.example.test";
    static final TestCa CA = TestPki.rsa();
    static final Credential GOOD = CA.leaf().dns(HOST).issue();
    static final Account ALICE = Account.builder("alice@example.test")
            .credentials(CredentialsProvider.of(new Credentials.Password("alice@example.test", "secret"))).build();
    static final String AUTH_PLAIN = "AUTH PLAIN " + Base64.getEncoder()
            .encodeToString("\0alice@example.test\0secret".getBytes(StandardCharsets.UTF_8));
    static final String GREETING = "220 mail.example.test ESMTP ready\r\n";

    private SmtpServers() {
    }

    static SubmissionClient client(MailResources resources) {
        return client(resources, MailClientMetricsRecorder.NOOP);
    }

    static SubmissionClient client(MailResources resources, MailClientMetricsRecorder metrics) {
        MailTransport transport = MailTransport.create(resources)
                .tls(TlsOptions.builder().trustAnchors(TrustAnchors.of(CA.certificate())).build()).metrics(metrics);
        try {
            return SubmissionClient.create(transport).resolver(AddressResolver.of(Map.of(HOST,
                    List.of(InetAddress.getByName("127.0.0.1")))));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static Targets targets(ScriptedTlsServer server, TransportMode mode) {
        return Targets.endpoints(MailProtocol.SUBMISSION, new Endpoint(MailProtocol.SUBMISSION, HOST, server.port(),
                mode));
    }

    static ScriptedTlsServer implicit(Script script) throws Exception {
        return ScriptedTlsServer.builder().credential(GOOD.key(), GOOD.chain()).implicitTls().script(script).start();
    }

    static ScriptedTlsServer startTls(Script script) throws Exception {
        return ScriptedTlsServer.builder().credential(GOOD.key(), GOOD.chain()).script(script).start();
    }

    /** An EHLO reply: the name line, then one line per keyword. */
    static String ehlo(String... keywords) {
        StringBuilder out = new StringBuilder();
        out.append(keywords.length == 0 ? "250 " : "250-").append(HOST).append("\r\n");
        for (int i = 0; i < keywords.length; i++) {
            out.append(i == keywords.length - 1 ? "250 " : "250-").append(keywords[i]).append("\r\n");
        }
        return out.toString();
    }

    /** Greeting, EHLO with {@code keywords}, AUTH PLAIN accepted: an Implicit TLS session ready to send. */
    static Script.Builder authenticated(String... keywords) {
        return Script.builder().send(GREETING).expectLine("EHLO [127.0.0.1]").send(ehlo(keywords))
                .expectLine(AUTH_PLAIN).send("235 2.7.0 Authentication successful\r\n");
    }
}
