package io.deepmail.sandbox.internal;

import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;

/**
 * The sandbox's STARTTLS servers, which GreenMail cannot be: the core test kit's scripted servers
 * playing an honest IMAP, POP3 and Submission dialogue (capabilities, the upgrade, capabilities again,
 * SASL PLAIN checked against the sandbox user, logout), and an IMAP server that strips STARTTLS from
 * its capabilities, as an attacker on the path would.
 */
public final class StartTlsServers {

    private static final String HOST = SandboxCredential.HOST;

    private StartTlsServers() {
    }

    /**
     * An IMAP server on port 143 semantics: STARTTLS, then AUTHENTICATE PLAIN and LOGOUT.
     *
     * @param credential the server credential
     * @param user the login name
     * @param password the password
     * @param timeout the per-step timeout
     * @return the running server
     * @throws SSLException if the TLS context cannot be built
     */
    public static ScriptedTlsServer imap(Credential credential, String user, String password, Duration timeout)
            throws SSLException {
        Predicate<String> plain = plain("A4 AUTHENTICATE PLAIN ", user, password);
        return start(credential, Script.builder().timeout(timeout)
                .send("* OK " + HOST + " IMAP4rev1 (sandbox, STARTTLS) ready\r\n")
                .expectLine("A1 CAPABILITY").send("* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\nA1 OK done\r\n")
                .expectLine("A2 STARTTLS").send("A2 OK begin TLS negotiation now\r\n").startTls()
                .expectLine("A3 CAPABILITY").send("* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR\r\nA3 OK done\r\n")
                .expectLine("AUTHENTICATE PLAIN with the sandbox user", plain)
                .send("A4 OK [CAPABILITY IMAP4rev1] authenticated\r\n")
                .expectLine("A5 LOGOUT").send("* BYE logging out\r\nA5 OK done\r\n")
                .awaitClose().build());
    }

    /**
     * A POP3 server with STLS, then AUTH PLAIN and QUIT.
     *
     * @param credential the server credential
     * @param user the login name
     * @param password the password
     * @param timeout the per-step timeout
     * @return the running server
     * @throws SSLException if the TLS context cannot be built
     */
    public static ScriptedTlsServer pop3(Credential credential, String user, String password, Duration timeout)
            throws SSLException {
        return start(credential, Script.builder().timeout(timeout)
                .send("+OK " + HOST + " POP3 (sandbox, STLS) ready\r\n")
                .expectLine("CAPA").send("+OK\r\nSTLS\r\n.\r\n")
                .expectLine("STLS").send("+OK begin TLS negotiation\r\n").startTls()
                .expectLine("CAPA").send("+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n")
                .expectLine("AUTH PLAIN with the sandbox user", plain("AUTH PLAIN ", user, password))
                .send("+OK authenticated\r\n")
                .expectLine("QUIT").send("+OK bye\r\n")
                .awaitClose().build());
    }

    /**
     * A Submission server with STARTTLS, then AUTH PLAIN and QUIT.
     *
     * @param credential the server credential
     * @param user the login name
     * @param password the password
     * @param timeout the per-step timeout
     * @return the running server
     * @throws SSLException if the TLS context cannot be built
     */
    public static ScriptedTlsServer submission(Credential credential, String user, String password,
            Duration timeout) throws SSLException {
        Predicate<String> ehlo = line -> line.startsWith("EHLO ");
        return start(credential, Script.builder().timeout(timeout)
                .send("220 " + HOST + " ESMTP (sandbox, STARTTLS)\r\n")
                .expectLine("EHLO", ehlo).send("250-" + HOST + "\r\n250-PIPELINING\r\n250 STARTTLS\r\n")
                .expectLine("STARTTLS").send("220 2.0.0 Ready to start TLS\r\n").startTls()
                .expectLine("EHLO", ehlo).send("250-" + HOST + "\r\n250-PIPELINING\r\n250 AUTH PLAIN\r\n")
                .expectLine("AUTH PLAIN with the sandbox user", plain("AUTH PLAIN ", user, password))
                .send("235 2.7.0 Authentication successful\r\n")
                .expectLine("QUIT").send("221 2.0.0 Bye\r\n")
                .awaitClose().build());
    }

    /**
     * An IMAP server that does not offer STARTTLS: what a client sees when an attacker strips it.
     *
     * @param timeout the per-step timeout
     * @return the running server
     * @throws SSLException if the TLS context cannot be built
     */
    public static ScriptedTlsServer stripping(Duration timeout) throws SSLException {
        return ScriptedTlsServer.builder().scripts(i -> Script.builder().timeout(timeout)
                .send("* OK " + HOST + " IMAP4rev1 ready\r\n")
                .expectLine("A1 CAPABILITY").send("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\nA1 OK done\r\n")
                .awaitClose().build()).start();
    }

    private static ScriptedTlsServer start(Credential credential, Script script) throws SSLException {
        return ScriptedTlsServer.builder().credential(credential.key(), credential.chain()).scripts(i -> script)
                .start();
    }

    /** A PLAIN line (with SASL-IR) whose response authenticates exactly {@code user} with {@code password}. */
    private static Predicate<String> plain(String prefix, String user, String password) {
        String expected = "\0" + user + "\0" + password;
        return line -> {
            if (!line.startsWith(prefix)) {
                return false;
            }
            try {
                byte[] decoded = Base64.getDecoder().decode(line.substring(prefix.length()).trim());
                String text = new String(decoded, StandardCharsets.UTF_8);
                return text.equals(expected) || text.equals(user + expected);
            } catch (IllegalArgumentException e) {
                return false;
            }
        };
    }
}
