package io.deepmail.core.dns;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A typed DNS answer: its records, TTL and DNSSEC status. NXDOMAIN and NODATA are answers too,
 * with no records, so that an authenticated denial is told apart from an unsigned one.
 *
 * @param name the queried name, lower-case without a trailing dot
 * @param records the records (empty for NXDOMAIN and NODATA)
 * @param outcome whether data, no data, or no such name came back
 * @param status the DNSSEC status
 * @param ttl the smallest TTL of the records, or the negative-caching TTL
 * @param <T> the record type
 * @since 0.1
 */
public record DnsAnswer<T>(String name, List<T> records, Outcome outcome, DnssecStatus status, Duration ttl) {

    /**
     * Validates the answer.
     *
     * @param name the name
     * @param records the records
     * @param outcome the outcome
     * @param status the status
     * @param ttl the TTL
     */
    public DnsAnswer {
        Objects.requireNonNull(name, "name");
        records = List.copyOf(records);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ttl, "ttl");
        if ((outcome == Outcome.DATA) == records.isEmpty()) {
            throw new IllegalArgumentException("a DATA answer has records and a denial has none");
        }
    }

    /**
     * What came back.
     *
     * @since 0.1
     */
    public enum Outcome {
        /** Records of the queried type. */
        DATA,
        /** The name exists but has no records of the queried type. */
        NODATA,
        /** The name does not exist. */
        NXDOMAIN
    }
}
