package io.deepmail.core.testkit;

import io.netty.handler.codec.dns.DnsResponseCode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How {@link TestDnsServer} answers one name and type: the records (rdata in wire format), the
 * response code, the TTL, and the DNSSEC and transport behaviour. Immutable; the {@code with}-style
 * methods return a copy.
 *
 * <pre>{@code
 * server.answer("_imaps._tcp.example.com", DnsRecordType.SRV,
 *         TestDnsAnswer.of(TestDnsRdata.srv(0, 1, 993, "mail.example.com")).authenticated());
 * server.answer("_imap._tcp.example.com", DnsRecordType.SRV, TestDnsAnswer.nxdomain().authenticated());
 * server.answer("_pop3s._tcp.example.com", DnsRecordType.SRV, TestDnsAnswer.of(...).bogus());
 * }</pre>
 *
 * @param code the response code (NOERROR with no records is NODATA)
 * @param records the rdata of each record, of the queried type
 * @param ttl the TTL of the records, and of the SOA in the authority section of a denial
 * @param authenticData whether AD is set in the response
 * @param failsValidation whether validation "fails": SERVFAIL unless the query has CD set, then the data
 *     without AD
 * @param truncateOverUdp whether UDP gets an empty answer with TC set (TCP gets the data)
 * @param delay how long to wait before answering
 * @param silent whether to send no response at all
 * @param cname the alias target: a CNAME record is sent, followed by the target's own answer
 * @since 0.1
 */
public record TestDnsAnswer(DnsResponseCode code, List<byte[]> records, long ttl, boolean authenticData,
        boolean failsValidation, boolean truncateOverUdp, Duration delay, boolean silent, @Nullable String cname) {

    /** The TTL unless told otherwise: 300 seconds. */
    public static final long DEFAULT_TTL = 300;

    /**
     * Validates the answer.
     *
     * @param code the response code
     * @param records the rdata
     * @param ttl the TTL
     * @param authenticData AD
     * @param failsValidation SERVFAIL unless CD
     * @param truncateOverUdp TC over UDP
     * @param delay the delay
     * @param silent no response
     * @param cname the alias target
     */
    public TestDnsAnswer {
        Objects.requireNonNull(code, "code");
        records = List.copyOf(records);
        Objects.requireNonNull(delay, "delay");
    }

    /**
     * NOERROR with the given records, AD unset.
     *
     * @param rdata the rdata of each record
     * @return the answer
     */
    public static TestDnsAnswer of(byte[]... rdata) {
        return new TestDnsAnswer(DnsResponseCode.NOERROR, List.of(rdata), DEFAULT_TTL, false, false, false,
                Duration.ZERO, false, null);
    }

    /**
     * NXDOMAIN, AD unset.
     *
     * @return the answer
     */
    public static TestDnsAnswer nxdomain() {
        return code(DnsResponseCode.NXDOMAIN);
    }

    /**
     * NOERROR without records (NODATA), AD unset.
     *
     * @return the answer
     */
    public static TestDnsAnswer nodata() {
        return of();
    }

    /**
     * A bare response code, such as REFUSED or SERVFAIL.
     *
     * @param code the code
     * @return the answer
     */
    public static TestDnsAnswer code(DnsResponseCode code) {
        return new TestDnsAnswer(code, List.of(), DEFAULT_TTL, false, false, false, Duration.ZERO, false, null);
    }

    /**
     * A CNAME to another name, whose own answer for the queried type follows it.
     *
     * @param target the canonical name
     * @return the answer
     */
    public static TestDnsAnswer cname(String target) {
        return new TestDnsAnswer(DnsResponseCode.NOERROR, List.of(), DEFAULT_TTL, false, false, false, Duration.ZERO,
                false, Objects.requireNonNull(target, "target"));
    }

    /**
     * No response at all: the client's query times out.
     *
     * @return the answer
     */
    public static TestDnsAnswer silence() {
        return code(DnsResponseCode.NOERROR).withSilent();
    }

    /**
     * The same with AD set, as a validating resolver sends for a secure answer.
     *
     * @return a copy
     */
    public TestDnsAnswer authenticated() {
        return new TestDnsAnswer(code, records, ttl, true, failsValidation, truncateOverUdp, delay, silent, cname);
    }

    /**
     * The same, but failing validation: SERVFAIL unless the query has CD set.
     *
     * @return a copy
     */
    public TestDnsAnswer bogus() {
        return new TestDnsAnswer(code, records, ttl, false, true, truncateOverUdp, delay, silent, cname);
    }

    /**
     * The same over TCP, but an empty answer with TC set over UDP.
     *
     * @return a copy
     */
    public TestDnsAnswer truncatedOverUdp() {
        return new TestDnsAnswer(code, records, ttl, authenticData, failsValidation, true, delay, silent, cname);
    }

    /**
     * The same, sent after a delay.
     *
     * @param d the delay
     * @return a copy
     */
    public TestDnsAnswer delayed(Duration d) {
        return new TestDnsAnswer(code, records, ttl, authenticData, failsValidation, truncateOverUdp, d, silent, cname);
    }

    /**
     * The same with another TTL.
     *
     * @param seconds the TTL
     * @return a copy
     */
    public TestDnsAnswer ttl(long seconds) {
        return new TestDnsAnswer(code, records, seconds, authenticData, failsValidation, truncateOverUdp, delay, silent, cname);
    }

    private TestDnsAnswer withSilent() {
        return new TestDnsAnswer(code, records, ttl, authenticData, failsValidation, truncateOverUdp, delay, true, cname);
    }
}
