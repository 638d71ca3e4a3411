package io.deepmail.sandbox.internal;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Objects;

/**
 * GreenMail serving IMAP, POP3 and Submission over Implicit TLS on {@code 127.0.0.1}, each on an
 * ephemeral port, with one user and one seeded message. Its TLS key is the sandbox credential
 * ({@link SandboxCredential}), which must be installed before the first server starts.
 */
public final class GreenMailServers implements AutoCloseable {

    /** The subject of the message seeded into the user's INBOX. */
    public static final String SEEDED_SUBJECT = "Welcome to the deepmail sandbox";

    private final GreenMail greenMail;

    private GreenMailServers(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /**
     * Starts the servers with one user and one message in that user's INBOX.
     *
     * @param address the user's address, also the login name
     * @param password the password
     * @return the running servers
     */
    public static GreenMailServers start(String address, String password) {
        SandboxCredential.get();
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            setup(ServerSetup.PROTOCOL_IMAPS), setup(ServerSetup.PROTOCOL_POP3S), setup(ServerSetup.PROTOCOL_SMTPS)})
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(address, address, password));
        greenMail.start();
        GreenMailServers servers = new GreenMailServers(greenMail);
        try {
            greenMail.getUserManager().getUser(address).deliver(GreenMailUtil.createTextEmail(address,
                    "postmaster@" + SandboxCredential.DOMAIN, SEEDED_SUBJECT,
                    "This message was seeded by the sandbox and fetched over IMAP and POP3.\r\n",
                    greenMail.getImaps().getServerSetup()));
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
        return servers;
    }

    private static ServerSetup setup(String protocol) {
        return new ServerSetup(0, "127.0.0.1", protocol).dynamicPort();
    }

    /**
     * The IMAP (Implicit TLS) port.
     *
     * @return the port
     */
    public int imapsPort() {
        return greenMail.getImaps().getPort();
    }

    /**
     * The POP3 (Implicit TLS) port.
     *
     * @return the port
     */
    public int pop3sPort() {
        return greenMail.getPop3s().getPort();
    }

    /**
     * The Submission (Implicit TLS) port.
     *
     * @return the port
     */
    public int submissionsPort() {
        return greenMail.getSmtps().getPort();
    }

    /**
     * How many received messages carry a subject: submissions that reached the server.
     *
     * @param subject the subject
     * @return the count
     */
    public long received(String subject) {
        return java.util.Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Objects.equals(m.getSubject(), subject);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).count();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
