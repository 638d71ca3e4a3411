package io.deepmail.core.internal.dns;

import io.deepmail.core.dns.SrvRecord;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.dns.DnsRawRecord;

/**
 * Parses SRV rdata (RFC 2782): priority, weight and port as 16-bit values, then the target name.
 * RFC 2782 forbids compressing the target, but a backward compression pointer is followed anyway
 * (see {@link WireNames}). Reads with absolute indexes: the record's buffer is neither moved nor
 * released, its owner releases it.
 */
final class SrvRdataParser {

    private static final int FIXED_OCTETS = 6;

    private SrvRdataParser() {
    }

    /**
     * Parses one record.
     *
     * @param record an SRV record as Netty decoded it
     * @return the record
     * @throws MalformedRdataException when the rdata is shorter than 7 octets, the target name is
     *     malformed, or octets follow the name
     */
    static SrvRecord parse(DnsRawRecord record) {
        return parse(record.content());
    }

    /**
     * Parses rdata between the buffer's reader and writer index.
     *
     * @param rdata the rdata
     * @return the record
     * @throws MalformedRdataException when the rdata is malformed
     */
    static SrvRecord parse(ByteBuf rdata) {
        int start = rdata.readerIndex();
        int end = rdata.writerIndex();
        if (end - start < FIXED_OCTETS + 1) {
            throw new MalformedRdataException("SRV rdata is " + (end - start) + " octets, at least 7 are needed");
        }
        int priority = rdata.getUnsignedShort(start);
        int weight = rdata.getUnsignedShort(start + 2);
        int port = rdata.getUnsignedShort(start + 4);
        WireNames.Name target = WireNames.read(rdata, start + FIXED_OCTETS, end, "SRV target");
        if (target.end() != end) {
            throw new MalformedRdataException("SRV rdata has " + (end - target.end()) + " octets after the target");
        }
        return new SrvRecord(priority, weight, port, target.text());
    }
}
