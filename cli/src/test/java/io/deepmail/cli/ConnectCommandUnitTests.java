package io.deepmail.cli;

import static io.deepmail.core.MailProtocol.IMAP;
import static io.deepmail.core.MailProtocol.POP3;
import static io.deepmail.core.MailProtocol.SUBMISSION;
import static io.deepmail.core.TransportMode.IMPLICIT;
import static io.deepmail.core.TransportMode.STARTTLS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deepmail.core.Endpoint;
import io.deepmail.core.latch.EndpointLatches;
import io.deepmail.core.latch.LatchState;
import io.deepmail.core.latch.LatchStore;
import io.deepmail.core.latch.TagLatch;
import io.deepmail.core.latch.TagState;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.sandbox.Sandbox;
import io.deepmail.sandbox.SandboxFault;
import io.deepmail.sandbox.SandboxOptions;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code deepmail connect} against the sandbox: each protocol, JSON, and one typed exit code per failure class. */
class ConnectCommandUnitTests extends SandboxTestBase {

    private static Cli connect(String protocol, String... more) {
        String[] base = {"connect", protocol, "--user", fixture.sandbox.user(), "--password-file",
            fixture.password.toString(), "--trust-ca", fixture.ca.toString(), "--resolver", fixture.resolver()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    @Test
    @DisplayName("IMAP over Implicit TLS by host, port and mode: DANE-EE, level 1, INBOX listed, exit 0")
    void imapImplicit() {
        Cli cli = connect("imap", "--host", "mail.sandbox.test", "--port", fixture.port(IMAP, IMPLICIT), "--mode",
                "implicit");
        assertThat(cli.exit()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("Verified TLS connection established to mail.sandbox.test", "DANE_EE",
                "mailboxes", "INBOX");
    }

    @Test
    @DisplayName("SRV-12: IMAP through RFC 6186 discovery and the race ends on Implicit TLS")
    void imapDiscovered() {
        Cli cli = connect("imap");
        assertThat(cli.exit()).as(cli.toString()).isZero();
        assertThat(cli.out()).containsPattern("mode\\s+IMPLICIT|\"mode\"|IMPLICIT").contains("SRV_SECURE", "INBOX");
    }

    @Test
    @DisplayName("POP3 by URL over STARTTLS: PKIX and the name check, STAT, exit 0")
    void pop3Url() {
        Cli cli = connect("pop3", "--url", "pop3://mail.sandbox.test:" + fixture.port(POP3, STARTTLS));
        assertThat(cli.exit()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("PKIX", "messages");
    }

    @Test
    @DisplayName("Submission with --message and --to: the server receives the message once; --json is one document")
    void submissionSendsJson() throws Exception {
        String subject = "cli connect test " + System.nanoTime();
        Path message = Files.writeString(dir.resolve("message.eml"), "From: " + fixture.sandbox.user() + "\r\nTo: "
                + fixture.sandbox.user() + "\r\nSubject: " + subject + "\r\n\r\nhello\r\n");
        Cli cli = connect("submission", "--url", "submissions://mail.sandbox.test:" + fixture.port(SUBMISSION, IMPLICIT),
                "--message", message.toString(), "--to", fixture.sandbox.user(), "--json");
        assertThat(cli.exit()).as(cli.toString()).isZero();
        JsonNode doc = Json.mapper().readTree(cli.out());
        assertThat(Json.mapper().readerFor(JsonNode.class).readValues(cli.out()).readAll()).hasSize(1);
        assertThat(doc.get("ok").asBoolean()).isTrue();
        assertThat(doc.at("/security/tlsVersion").asText()).startsWith("TLSv1.");
        assertThat(doc.at("/security/authentication").asText()).isEqualTo("DANE_EE");
        assertThat(doc.at("/result/accepted/0").asText()).isEqualTo(fixture.sandbox.user());
        assertThat(fixture.sandbox.receivedWithSubject(subject)).isEqualTo(1);
    }

    @Test
    @DisplayName("a wrong password is an authentication failure: exit 7, and --json still prints one document")
    void wrongPassword() throws Exception {
        Cli cli = Cli.run("connect", "imap", "--user", fixture.sandbox.user(), "--password-file",
                fixture.wrongPassword.toString(), "--trust-ca", fixture.ca.toString(), "--resolver", fixture.resolver(),
                "--json");
        assertThat(cli.exit()).as(cli.toString()).isEqualTo(ExitCode.AUTHENTICATION.code());
        JsonNode doc = Json.mapper().readTree(cli.out());
        assertThat(doc.at("/error/kind").asText()).isEqualTo("authentication");
        assertThat(cli.err().lines()).hasSize(1);
    }

    @Test
    @DisplayName("ID-01: a host name the certificate does not carry is an identity failure: exit 4")
    void identity() {
        Cli cli = Cli.run("connect", "imap", "--user", fixture.sandbox.user(), "--password-file",
                fixture.password.toString(), "--trust-ca", fixture.ca.toString(), "--host", "localhost", "--port",
                fixture.port(IMAP, IMPLICIT), "--mode", "implicit");
        assertThat(cli.exit()).as(cli.toString()).isEqualTo(ExitCode.IDENTITY.code());
        assertThat(cli.err()).contains("CertificateIdentityException").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("TLS-05: a certificate from an untrusted CA (no --trust-ca) fails path validation: exit 4")
    void untrustedCa() {
        Cli cli = Cli.run("connect", "imap", "--user", fixture.sandbox.user(), "--password-file",
                fixture.password.toString(), "--resolver", fixture.resolver(), "--host", "mail.sandbox.test", "--port",
                fixture.port(IMAP, STARTTLS), "--mode", "starttls");
        assertThat(cli.exit()).as(cli.toString()).isEqualTo(ExitCode.IDENTITY.code());
        assertThat(cli.err()).contains("CertificatePathException");
    }

    @Test
    @DisplayName("DANE-05: TLSA records that do not match the server's key: exit 5, no PKIX fallback")
    void dane() throws Exception {
        try (Sandbox broken = Sandbox.start(SandboxOptions.defaults().withFault(SandboxFault.DANE_MISMATCH))) {
            Path password = Files.writeString(dir.resolve("broken-password"), broken.password());
            Cli cli = Cli.run("connect", "imap", "--user", broken.user(), "--password-file", password.toString(),
                    "--trust-ca", fixture.ca.toString(), "--resolver", "127.0.0.1:" + broken.dnsServer().getPort(),
                    "--url", "imaps://mail.sandbox.test:" + broken.endpoint(IMAP, IMPLICIT).port());
            assertThat(cli.exit()).as(cli.toString()).isEqualTo(ExitCode.DANE.code());
            assertThat(cli.err()).contains("DaneVerificationException");
        }
    }

    @Test
    @DisplayName("TLS-15: a server that strips STARTTLS is a TLS policy failure: exit 3, nothing sent")
    void stripped() {
        Cli cli = connect("imap", "--host", "mail.sandbox.test", "--port",
                String.valueOf(fixture.sandbox.strippingEndpoint().port()), "--mode", "starttls");
        assertThat(cli.exit()).as(cli.toString()).isEqualTo(ExitCode.TLS_POLICY.code());
        assertThat(cli.err()).contains("StartTlsUnavailableException");
        assertThat(fixture.sandbox.strippingServerLines()).allMatch(l -> l.equals("A1 CAPABILITY"));
    }

    @Test
    @DisplayName("L7: a NORMAL CERT_DANE latch on an endpoint that now authenticates by PKIX is a latch violation: exit 6")
    void latchViolation() {
        Path store = dir.resolve("violation-store");
        Endpoint starttls = fixture.sandbox.endpoint(IMAP, STARTTLS);
        LatchStore latches = Inputs.latchStore(store.toString());
        try {
            latches.merge(fixture.sandbox.user(), LatchState.EMPTY.with(starttls, EndpointLatches.EMPTY
                    .with(SecurityTag.CERT_DANE, TagLatch.of(TagState.NORMAL)))).block(Duration.ofSeconds(10));
        } finally {
            latches.dispose();
        }
        Cli cli = connect("imap", "--host", "mail.sandbox.test", "--port", String.valueOf(starttls.port()), "--mode",
                "starttls", "--latch-store", store.toString());
        assertThat(cli.exit()).as(cli.toString()).isEqualTo(ExitCode.LATCH_VIOLATION.code());
        assertThat(cli.err()).contains("LatchViolationException");
    }

    @Test
    @DisplayName("a closed port is a network failure: exit 9, one line on stderr")
    void network() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Cli cli = Cli.run("connect", "imap", "--user", "alice@sandbox.test", "--password-file",
                fixture.password.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port), "--mode", "implicit");
        assertThat(cli.exit()).as(cli.toString()).isEqualTo(ExitCode.NETWORK.code());
        assertThat(cli.err().lines()).hasSize(1);
    }

    @Test
    @DisplayName("POP3 spoken to an IMAP server is a protocol failure: exit 8")
    void protocol() {
        Cli cli = connect("pop3", "--host", "mail.sandbox.test", "--port", fixture.port(IMAP, IMPLICIT), "--mode",
                "implicit");
        assertThat(cli.exit()).as(cli.toString()).isEqualTo(ExitCode.PROTOCOL.code());
    }
}
