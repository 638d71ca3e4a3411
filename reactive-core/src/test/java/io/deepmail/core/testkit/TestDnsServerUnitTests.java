package io.deepmail.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.dns.DnsRecordType;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The DNS test server, driven with hand-made queries over plain JDK sockets from the test thread. */
class TestDnsServerUnitTests {

    private static final String NAME = "_imaps._tcp.example.com";
    private static final int AD = 0x20;
    private static final int CD = 0x10;
    private static final int TC = 0x0200;

    private TestDnsServer dns;

    @BeforeEach
    void start() {
        dns = TestDnsServer.start();
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    @DisplayName("serves the configured records with AD, and logs the query with its bits")
    void authenticatedAnswer() throws IOException {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(TestDnsRdata.srv(0, 1, 993, "mail.example.com"))
                .authenticated());
        ByteBuffer r = udp(query(7, NAME, 33, AD, true));
        assertThat(r.getShort(0)).isEqualTo((short) 7);
        assertThat(r.getShort(2) & AD).isEqualTo(AD);
        assertThat(r.getShort(2) & 0xf).isZero();
        assertThat(r.getShort(6)).as("answer count").isEqualTo((short) 1);
        assertThat(dns.queries()).containsExactly(
                new ReceivedDnsQuery(NAME, DnsRecordType.SRV, false, true, true, false, true));
    }

    @Test
    @DisplayName("a bogus answer is SERVFAIL without CD, and the data without AD with CD")
    void bogus() throws IOException {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(TestDnsRdata.srv(0, 1, 993, "mail.example.com")).bogus());
        assertThat(udp(query(1, NAME, 33, 0, false)).getShort(2) & 0xf).isEqualTo(2);
        ByteBuffer checked = udp(query(2, NAME, 33, CD, false));
        assertThat(checked.getShort(2) & 0xf).isZero();
        assertThat(checked.getShort(2) & AD).isZero();
        assertThat(checked.getShort(6)).isEqualTo((short) 1);
        assertThat(dns.queries(NAME, DnsRecordType.SRV)).extracting(ReceivedDnsQuery::checkingDisabled)
                .containsExactly(false, true);
    }

    @Test
    @DisplayName("truncation: TC and no records over UDP, the records over TCP")
    void truncation() throws IOException {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.of(TestDnsRdata.srv(0, 1, 993, "mail.example.com"))
                .truncatedOverUdp());
        ByteBuffer overUdp = udp(query(3, NAME, 33, 0, false));
        assertThat(overUdp.getShort(2) & TC).isEqualTo(TC);
        assertThat(overUdp.getShort(6)).isZero();
        ByteBuffer overTcp = tcp(query(4, NAME, 33, 0, false));
        assertThat(overTcp.getShort(2) & TC).isZero();
        assertThat(overTcp.getShort(6)).isEqualTo((short) 1);
        assertThat(dns.queries()).extracting(ReceivedDnsQuery::tcp).containsExactly(false, true);
    }

    @Test
    @DisplayName("an unknown name is NXDOMAIN without AD; a silent one gets no response")
    void unknownAndSilent() throws IOException {
        ByteBuffer r = udp(query(5, "nowhere.example", 1, AD, true));
        assertThat(r.getShort(2) & 0xf).isEqualTo(3);
        assertThat(r.getShort(2) & AD).isZero();
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.silence());
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(300);
            byte[] q = query(6, NAME, 33, 0, false);
            s.send(new DatagramPacket(q, q.length, dns.address()));
            byte[] buf = new byte[512];
            assertThat(receives(s, buf)).isFalse();
        }
    }

    @Test
    @DisplayName("a delayed answer arrives after its delay")
    void delayed() throws IOException {
        dns.answer(NAME, DnsRecordType.SRV, TestDnsAnswer.nodata().delayed(Duration.ofMillis(300)));
        long start = System.nanoTime();
        udp(query(8, NAME, 33, 0, false));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    private static boolean receives(DatagramSocket s, byte[] buf) throws IOException {
        try {
            s.receive(new DatagramPacket(buf, buf.length));
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private ByteBuffer udp(byte[] query) throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(5_000);
            s.send(new DatagramPacket(query, query.length, dns.address()));
            byte[] buf = new byte[1232];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            s.receive(p);
            return ByteBuffer.wrap(buf, 0, p.getLength());
        }
    }

    private ByteBuffer tcp(byte[] query) throws IOException {
        try (Socket s = new Socket(dns.address().getAddress(), dns.address().getPort())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {(byte) (query.length >> 8), (byte) query.length});
            out.write(query);
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] message = new byte[in.readUnsignedShort()];
            in.readFully(message);
            return ByteBuffer.wrap(message);
        }
    }

    /** A query with RD, the given low flag bits, and optionally an OPT record with DO. */
    private static byte[] query(int id, String name, int type, int lowFlags, boolean dnssecOk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(12).putShort((short) id).putShort((short) (0x0100 | lowFlags))
                .putShort((short) 1).putShort((short) 0).putShort((short) 0).putShort((short) (dnssecOk ? 1 : 0));
        out.writeBytes(header.array());
        out.writeBytes(TestDnsRdata.name(name));
        out.writeBytes(ByteBuffer.allocate(4).putShort((short) type).putShort((short) 1).array());
        if (dnssecOk) {
            out.writeBytes(new byte[] {0, 0, 41, 4, (byte) 0xd0, 0, 0, (byte) 0x80, 0, 0, 0});
        }
        return out.toByteArray();
    }
}
