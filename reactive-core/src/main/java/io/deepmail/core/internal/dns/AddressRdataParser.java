package io.deepmail.core.internal.dns;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.dns.DnsRawRecord;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Parses A (4 octets) and AAAA (16 octets) rdata into addresses, without any lookup. */
final class AddressRdataParser {

    private AddressRdataParser() {
    }

    static InetAddress parseA(DnsRawRecord record) {
        return parse(record.content(), 4, "A");
    }

    static InetAddress parseAaaa(DnsRawRecord record) {
        return parse(record.content(), 16, "AAAA");
    }

    private static InetAddress parse(ByteBuf rdata, int octets, String type) {
        if (rdata.readableBytes() != octets) {
            throw new MalformedRdataException(type + " rdata is " + rdata.readableBytes() + " octets, not " + octets);
        }
        byte[] bytes = new byte[octets];
        rdata.getBytes(rdata.readerIndex(), bytes);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new MalformedRdataException(type + " rdata is not an address");
        }
    }
}
