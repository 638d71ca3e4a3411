package io.deepmail.probe;

import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestDnsAnswer;
import io.deepmail.core.testkit.TestDnsRdata;
import io.deepmail.core.testkit.TestDnsServer;
import io.deepmail.core.testkit.TestPki;
import io.netty.handler.codec.dns.DnsRecordType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A DNSSEC-signed test zone (AD set by the loopback test DNS server) and scripted mail servers. */
final class ProbeZone {

    static final TestCa CA = TestPki.rsa();
    static final String HOST = "mail.example.test";
    static final Credential GOOD = CA.leaf().dns(HOST).issue();

    private ProbeZone() {
    }

    /** Secure SRV at {@code _label._tcp.domain} pointing to {@code host:port}, and secure A/AAAA for the host. */
    static void srv(TestDnsServer dns, String label, String domain, String host, int port) {
        dns.answer("_" + label + "._tcp." + domain, DnsRecordType.SRV,
                TestDnsAnswer.of(TestDnsRdata.srv(0, 1, port, host)).authenticated());
        dns.answer(host, DnsRecordType.A, TestDnsAnswer.of(TestDnsRdata.address("127.0.0.1")).authenticated());
        dns.answer(host, DnsRecordType.AAAA, TestDnsAnswer.nodata().authenticated());
    }

    /** Secure TLSA {@code 3 1 1} for the credential's key at {@code _port._tcp.host}. */
    static void tlsa(TestDnsServer dns, String host, int port, Credential credential) throws NoSuchAlgorithmException {
        tlsa(dns, host, port, MessageDigest.getInstance("SHA-256").digest(credential.leaf().getPublicKey().getEncoded()));
    }

    /** Secure TLSA {@code 3 1 1} with the given SHA-256 digest at {@code _port._tcp.host}. */
    static void tlsa(TestDnsServer dns, String host, int port, byte[] spki) {
        dns.answer("_" + port + "._tcp." + host, DnsRecordType.TLSA,
                TestDnsAnswer.of(TestDnsRdata.tlsa(3, 1, 1, spki)).authenticated());
    }

    /** An IMAP server with Implicit TLS that greets with its capabilities and waits for the close. */
    static ScriptedTlsServer imaps(Credential credential) throws Exception {
        return ScriptedTlsServer.builder().credential(credential.key(), credential.chain()).implicitTls()
                .script(Script.builder().send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n").awaitClose().build())
                .start();
    }

    /** An IMAP server on 143-style STARTTLS that upgrades and reads capabilities again. */
    static ScriptedTlsServer imapStartTls(Credential credential) throws Exception {
        return ScriptedTlsServer.builder().credential(credential.key(), credential.chain())
                .script(Script.builder().send("* OK ready\r\n")
                        .expectLine("A1 CAPABILITY").send("* CAPABILITY IMAP4rev1 STARTTLS\r\nA1 OK\r\n")
                        .expectLine("A2 STARTTLS").send("A2 OK begin\r\n").startTls()
                        .expectLine("A3 CAPABILITY").send("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\nA3 OK\r\n")
                        .awaitClose().build())
                .start();
    }

    /** A submission server on 587 whose EHLO no longer offers STARTTLS: the upgrade was stripped. */
    static ScriptedTlsServer strippedSubmission(Credential credential) throws Exception {
        return ScriptedTlsServer.builder().credential(credential.key(), credential.chain())
                .script(Script.builder().send("220 " + HOST + " ESMTP ready\r\n")
                        .expectLine("EHLO", line -> line.startsWith("EHLO "))
                        .send("250-" + HOST + "\r\n250-AUTH PLAIN LOGIN\r\n250 PIPELINING\r\n")
                        .awaitClose().build())
                .start();
    }

    /** A loopback port with nothing listening on it. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
