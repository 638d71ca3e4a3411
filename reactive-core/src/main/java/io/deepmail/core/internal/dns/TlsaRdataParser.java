package io.deepmail.core.internal.dns;

import io.deepmail.core.dns.TlsaRecord;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.dns.DnsRawRecord;

/**
 * Parses TLSA rdata (RFC 6698 §2.1): usage, selector and matching type as single octets, then the
 * certificate association data. Records whose fields deepmail cannot use are still returned
 * (RFC 7671 §4 says to ignore them, which is the verifier's decision); only rdata too short to
 * hold the fields and at least one octet of data is malformed. The copy is bounded by the rdata
 * length, itself at most 65535 octets.
 */
final class TlsaRdataParser {

    private static final int FIXED_OCTETS = 3;

    private TlsaRdataParser() {
    }

    /**
     * Parses one record.
     *
     * @param record a TLSA record as Netty decoded it
     * @return the record
     * @throws MalformedRdataException when the rdata is shorter than 4 octets
     */
    static TlsaRecord parse(DnsRawRecord record) {
        return parse(record.content());
    }

    /**
     * Parses rdata between the buffer's reader and writer index.
     *
     * @param rdata the rdata
     * @return the record
     * @throws MalformedRdataException when the rdata is malformed
     */
    static TlsaRecord parse(ByteBuf rdata) {
        int start = rdata.readerIndex();
        int length = rdata.readableBytes();
        if (length < FIXED_OCTETS + 1) {
            throw new MalformedRdataException("TLSA rdata is " + length + " octets, at least 4 are needed");
        }
        byte[] data = new byte[length - FIXED_OCTETS];
        rdata.getBytes(start + FIXED_OCTETS, data);
        return new TlsaRecord(rdata.getUnsignedByte(start), rdata.getUnsignedByte(start + 1),
                rdata.getUnsignedByte(start + 2), data);
    }
}
