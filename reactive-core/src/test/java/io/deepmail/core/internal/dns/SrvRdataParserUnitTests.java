package io.deepmail.core.internal.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.dns.SrvRecord;
import io.deepmail.core.testkit.TestDnsRdata;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SRV rdata: valid, compressed, truncated, oversized and garbage input; every buffer released. */
class SrvRdataParserUnitTests {

    @Test
    @DisplayName("priority, weight, port and target are read; the target is lower-cased without the dot")
    void valid() {
        SrvRecord r = parse(TestDnsRdata.srv(10, 60, 993, "Mail.Example.COM."));
        assertThat(r).isEqualTo(new SrvRecord(10, 60, 993, "mail.example.com"));
    }

    @Test
    @DisplayName("SRV-04: a lone root target is the 'not provided' record")
    void rootTarget() {
        SrvRecord r = parse(TestDnsRdata.srv(0, 0, 0, "."));
        assertThat(r.notProvided()).isTrue();
    }

    @Test
    @DisplayName("16-bit fields are unsigned")
    void unsignedFields() {
        assertThat(parse(TestDnsRdata.srv(65_535, 65_535, 65_535, "a.example")))
                .isEqualTo(new SrvRecord(65_535, 65_535, 65_535, "a.example"));
    }

    @Test
    @DisplayName("a backward compression pointer into the message is followed")
    void compressedTarget() {
        byte[] earlier = TestDnsRdata.name("example.com");
        byte[] rdata = Arrays.copyOf(TestDnsRdata.srv(1, 2, 3, "."), 6);
        byte[] target = TestDnsRdata.compressed("mail", 0);
        ByteBuf message = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            message.writeBytes(earlier);
            int start = message.writerIndex();
            message.writeBytes(rdata).writeBytes(target);
            // Netty hands the rdata over as a duplicate of the message positioned on it.
            ByteBuf view = message.duplicate().setIndex(start, message.writerIndex());
            assertThat(SrvRdataParser.parse(view)).isEqualTo(new SrvRecord(1, 2, 3, "mail.example.com"));
        } finally {
            message.release();
        }
    }

    @Test
    @DisplayName("a pointer that does not point backwards is a typed error, not a loop")
    void forwardPointer() {
        byte[] rdata = concat(Arrays.copyOf(TestDnsRdata.srv(1, 2, 3, "."), 6), TestDnsRdata.compressed("", 6));
        assertMalformed(rdata, "does not point back");
    }

    @ParameterizedTest(name = "{0} octets")
    @ValueSource(ints = {0, 1, 5, 6})
    @DisplayName("rdata shorter than the fixed fields and a root octet is a typed error")
    void tooShort(int length) {
        assertMalformed(Arrays.copyOf(TestDnsRdata.srv(1, 2, 3, "a.example"), length), "at least 7");
    }

    @Test
    @DisplayName("a target cut off inside a label is a typed error")
    void truncatedTarget() {
        byte[] full = TestDnsRdata.srv(1, 2, 3, "mail.example.com");
        assertMalformed(Arrays.copyOf(full, full.length - 3), "truncated");
    }

    @Test
    @DisplayName("octets after the target are a typed error")
    void trailingOctets() {
        assertMalformed(concat(TestDnsRdata.srv(1, 2, 3, "a.example"), new byte[] {1}), "after the target");
    }

    @Test
    @DisplayName("a label length over 63 (top bits 01 or 10, reserved label types) is a typed error")
    void oversizedLabel() {
        byte[] rdata = concat(Arrays.copyOf(TestDnsRdata.srv(1, 2, 3, "."), 6), new byte[] {64},
                new byte[64], new byte[] {0});
        assertMalformed(rdata, "reserved");
        assertMalformed(concat(Arrays.copyOf(TestDnsRdata.srv(1, 2, 3, "."), 6), new byte[] {(byte) 0x80, 0}),
                "reserved");
    }

    @Test
    @DisplayName("a name over 255 octets is a typed error, whatever the rdata length")
    void oversizedName() {
        byte[] label = concat(new byte[] {63}, "a".repeat(63).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] rdata = concat(Arrays.copyOf(TestDnsRdata.srv(1, 2, 3, "."), 6), label, label, label, label,
                new byte[] {0});
        assertMalformed(rdata, "255");
    }

    @Test
    @DisplayName("a character outside letters, digits, hyphen and underscore is a typed error")
    void badCharacter() {
        assertMalformed(TestDnsRdata.srv(1, 2, 3, "a.b\u0000c"), "not allowed");
        assertMalformed(TestDnsRdata.srv(1, 2, 3, "a b.example"), "not allowed");
    }

    @Test
    @DisplayName("random garbage only ever gives a record or the typed error")
    void garbage() {
        Random random = new Random(6186);
        for (int i = 0; i < 5_000; i++) {
            byte[] rdata = new byte[random.nextInt(40)];
            random.nextBytes(rdata);
            ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer().writeBytes(rdata);
            try {
                SrvRdataParser.parse(buf);
            } catch (MalformedRdataException expected) {
                // the only exception allowed
            } finally {
                buf.release();
            }
        }
    }

    @Test
    @DisplayName("the parser neither moves nor releases the record's buffer")
    void leavesBufferAlone() {
        DnsRawRecord record = new DefaultDnsRawRecord("_imaps._tcp.example.com.", DnsRecordType.SRV, 300,
                PooledByteBufAllocator.DEFAULT.buffer().writeBytes(TestDnsRdata.srv(1, 2, 3, "a.example")));
        try {
            int reader = record.content().readerIndex();
            SrvRdataParser.parse(record);
            assertThat(record.content().readerIndex()).isEqualTo(reader);
            assertThat(record.refCnt()).isEqualTo(1);
        } finally {
            record.release();
        }
    }

    static SrvRecord parse(byte[] rdata) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer().writeBytes(rdata);
        try {
            return SrvRdataParser.parse(buf);
        } finally {
            buf.release();
        }
    }

    private static void assertMalformed(byte[] rdata, String message) {
        assertThatThrownBy(() -> parse(rdata)).isInstanceOf(MalformedRdataException.class)
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining(message);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
