package io.deepmail.core.internal.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.core.dns.TlsaRecord;
import io.deepmail.core.testkit.TestDnsRdata;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TLSA rdata: valid, unusable, truncated, large and garbage input; every buffer released. */
class TlsaRdataParserUnitTests {

    private static final byte[] SHA256 = HexFormat.of()
            .parseHex("8cb0fc6c527506a053f4f14c8464bebbd6dede2738d11468dd953d7d6a3021f1");

    @Test
    @DisplayName("usage, selector, matching type and data are read (3 1 1)")
    void valid() {
        TlsaRecord r = parse(TestDnsRdata.tlsa(3, 1, 1, SHA256));
        assertThat(r).isEqualTo(new TlsaRecord(3, 1, 1, SHA256));
        assertThat(r.usable()).isTrue();
    }

    @Test
    @DisplayName("DANE-08: an unknown usage is parsed, and left to the verifier as unusable")
    void unknownUsageIsParsed() {
        TlsaRecord r = parse(TestDnsRdata.tlsa(4, 1, 1, SHA256));
        assertThat(r.usage()).isEqualTo(4);
        assertThat(r.usable()).isFalse();
    }

    @ParameterizedTest(name = "{0} octets")
    @ValueSource(ints = {0, 1, 2, 3})
    @DisplayName("rdata without at least one octet of data is a typed error")
    void tooShort(int length) {
        byte[] rdata = Arrays.copyOf(TestDnsRdata.tlsa(3, 1, 1, SHA256), length);
        assertThatThrownBy(() -> parse(rdata)).isInstanceOf(MalformedRdataException.class)
                .hasMessageContaining("at least 4");
    }

    @Test
    @DisplayName("a full certificate (0 0 0) of any length up to the rdata limit is copied")
    void largeData() {
        byte[] data = new byte[65_535 - 3];
        new Random(6698).nextBytes(data);
        assertThat(parse(TestDnsRdata.tlsa(0, 0, 0, data)).data()).isEqualTo(data);
    }

    @Test
    @DisplayName("random garbage only ever gives a record or the typed error")
    void garbage() {
        Random random = new Random(7671);
        for (int i = 0; i < 5_000; i++) {
            byte[] rdata = new byte[random.nextInt(12)];
            random.nextBytes(rdata);
            try {
                parse(rdata);
            } catch (MalformedRdataException expected) {
                // the only exception allowed
            }
        }
    }

    private static TlsaRecord parse(byte[] rdata) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer().writeBytes(rdata);
        try {
            return TlsaRdataParser.parse(buf);
        } finally {
            buf.release();
        }
    }
}
