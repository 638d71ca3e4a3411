package io.deepmail.core.internal.dns;

import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnsAnswer.Outcome;
import io.deepmail.core.dns.DnssecStatus;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns one DNS response into a {@link QueryResult}, deriving the DNSSEC status from the header:
 * SECURE when the AD bit is set and the responding resolver is trusted, INSECURE otherwise
 * (REQUIREMENTS §7.2, DANE-11). CNAMEs in the answer section are followed from the queried name,
 * at most {@value #MAX_CNAMES} of them (REQUIREMENTS §7.5); records at any other owner name are
 * ignored. Never keeps a reference to the response: the caller releases it.
 */
final class ResponseReader {

    /** AD in Netty's three-bit Z field (RFC 4035 §3.2.3: the bit after Z in the header). */
    static final int Z_AD = 0b010;

    /** CD in Netty's three-bit Z field (RFC 4035 §3.2.2). */
    static final int Z_CD = 0b001;

    static final int MAX_CNAMES = 8;

    private ResponseReader() {
    }

    /**
     * Reads a response.
     *
     * @param response the response, not released here
     * @param name the queried name, normalised
     * @param kind the queried type and its parser
     * @param trusted whether the resolver that sent the response is trusted
     * @param <T> the record type
     * @return the result
     */
    static <T> QueryResult<T> read(DnsResponse response, String name, RecordKind<T> kind, boolean trusted) {
        DnsResponseCode code = response.code();
        if (DnsResponseCode.SERVFAIL.equals(code)) {
            return new QueryResult.ServerFailure<>();
        }
        if (!DnsResponseCode.NOERROR.equals(code) && !DnsResponseCode.NXDOMAIN.equals(code)) {
            return new QueryResult.Failed<>("the resolver answered " + code);
        }
        if (response.isTruncated()) {
            return new QueryResult.Failed<>("the answer was truncated");
        }
        try {
            return new QueryResult.Answered<>(answer(response, name, kind, trusted));
        } catch (MalformedRdataException e) {
            return new QueryResult.Failed<>(e.getMessage());
        }
    }

    private static <T> DnsAnswer<T> answer(DnsResponse response, String name, RecordKind<T> kind, boolean trusted) {
        DnssecStatus status = trusted && (response.z() & Z_AD) != 0 ? DnssecStatus.SECURE : DnssecStatus.INSECURE;
        int count = response.count(DnsSection.ANSWER);
        String owner = name;
        long ttl = Long.MAX_VALUE;
        for (int hops = 0; hops <= MAX_CNAMES; hops++) {
            DnsRawRecord alias = find(response, count, owner, DnsRecordType.CNAME);
            if (alias == null || DnsRecordType.CNAME.equals(kind.type())) {
                break;
            }
            if (hops == MAX_CNAMES) {
                throw new MalformedRdataException("more than " + MAX_CNAMES + " CNAMEs from " + name);
            }
            ByteBuf target = alias.content();
            owner = WireNames.read(target, target.readerIndex(), target.writerIndex(), "CNAME target").text();
            ttl = Math.min(ttl, ttl(alias));
        }
        List<T> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DnsRecord r = response.recordAt(DnsSection.ANSWER, i);
            if (kind.type().equals(r.type()) && r instanceof DnsRawRecord raw
                    && WireNames.normalize(r.name()).equals(owner)) {
                records.add(kind.parser().apply(raw));
                ttl = Math.min(ttl, ttl(r));
            }
        }
        Outcome outcome;
        if (!records.isEmpty()) {
            outcome = Outcome.DATA;
        } else {
            outcome = DnsResponseCode.NXDOMAIN.equals(response.code()) ? Outcome.NXDOMAIN : Outcome.NODATA;
            ttl = Math.min(ttl, negativeTtl(response));
        }
        return new DnsAnswer<>(name, records, outcome, status, Duration.ofSeconds(ttl), owner);
    }

    private static @Nullable DnsRawRecord find(DnsResponse response, int count, String owner, DnsRecordType type) {
        for (int i = 0; i < count; i++) {
            DnsRecord r = response.recordAt(DnsSection.ANSWER, i);
            if (type.equals(r.type()) && r instanceof DnsRawRecord raw && WireNames.normalize(r.name()).equals(owner)) {
                return raw;
            }
        }
        return null;
    }

    /** A record's TTL; values with the top bit set count as zero (RFC 2181 §8). */
    private static long ttl(DnsRecord r) {
        long t = r.timeToLive();
        return t > Integer.MAX_VALUE ? 0 : t;
    }

    /** The TTL of the SOA in the authority section (RFC 2308 §5), or zero: then nothing is cached. */
    private static long negativeTtl(DnsResponse response) {
        int n = response.count(DnsSection.AUTHORITY);
        for (int i = 0; i < n; i++) {
            DnsRecord r = response.recordAt(DnsSection.AUTHORITY, i);
            if (DnsRecordType.SOA.equals(r.type())) {
                return ttl(r);
            }
        }
        return 0;
    }
}
