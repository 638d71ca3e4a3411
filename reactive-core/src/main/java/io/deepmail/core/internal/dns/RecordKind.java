package io.deepmail.core.internal.dns;

import io.deepmail.core.dns.SrvRecord;
import io.deepmail.core.dns.TlsaRecord;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import java.net.InetAddress;
import java.util.function.Function;

/**
 * A record type deepmail asks for, with the parser of its rdata. Parsers throw only
 * {@link MalformedRdataException}.
 *
 * @param type the DNS type
 * @param parser turns one raw record into a value
 * @param <T> the value type
 */
record RecordKind<T>(DnsRecordType type, Function<DnsRawRecord, T> parser) {

    static final RecordKind<SrvRecord> SRV = new RecordKind<>(DnsRecordType.SRV, SrvRdataParser::parse);
    static final RecordKind<TlsaRecord> TLSA = new RecordKind<>(DnsRecordType.TLSA, TlsaRdataParser::parse);
    static final RecordKind<InetAddress> A = new RecordKind<>(DnsRecordType.A, AddressRdataParser::parseA);
    static final RecordKind<InetAddress> AAAA = new RecordKind<>(DnsRecordType.AAAA, AddressRdataParser::parseAaaa);
}
