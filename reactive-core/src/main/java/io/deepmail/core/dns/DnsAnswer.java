package io.deepmail.core.dns;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A typed DNS answer: its records, TTL and DNSSEC status. NXDOMAIN and NODATA are answers too,
 * with no records, so that an authenticated denial is told apart from an unsigned one. A lookup
 * that produced no usable answer at all is {@link Outcome#FAILED}, with the status
 * {@link DnssecStatus#BOGUS} or {@link DnssecStatus#INDETERMINATE} (REQUIREMENTS §7.2).
 *
 * @param name the queried name, lower-case without a trailing dot
 * @param records the records (empty for NXDOMAIN, NODATA and FAILED)
 * @param outcome whether data, no data, no such name, or no usable answer came back
 * @param status the DNSSEC status; for an answer reached through CNAMEs, the status of the whole
 *     chain (a validating resolver sets AD only when every RRset of the response validated)
 * @param ttl the smallest TTL of the records, or the negative-caching TTL; zero for FAILED
 * @param canonicalName the owner name of the records after following the CNAMEs of the answer,
 *     lower-case without a trailing dot; equal to {@code name} when there was no CNAME. Never a
 *     reference identifier unless the status is SECURE (RFC 7817 §3, REQUIREMENTS §7.5)
 * @param <T> the record type
 * @since 0.1
 */
public record DnsAnswer<T>(String name, List<T> records, Outcome outcome, DnssecStatus status, Duration ttl,
        String canonicalName) {

    /**
     * Validates the answer.
     *
     * @param name the name
     * @param records the records
     * @param outcome the outcome
     * @param status the status
     * @param ttl the TTL
     * @param canonicalName the name after the CNAMEs
     */
    public DnsAnswer {
        Objects.requireNonNull(name, "name");
        records = List.copyOf(records);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(canonicalName, "canonicalName");
        if ((outcome == Outcome.DATA) == records.isEmpty()) {
            throw new IllegalArgumentException("a DATA answer has records and a denial has none");
        }
        if (outcome == Outcome.FAILED && status.usable()) {
            throw new IllegalArgumentException("a FAILED answer is BOGUS or INDETERMINATE");
        }
    }

    /**
     * An answer without CNAMEs: the canonical name is the queried name.
     *
     * @param name the queried name
     * @param records the records
     * @param outcome the outcome
     * @param status the status
     * @param ttl the TTL
     */
    public DnsAnswer(String name, List<T> records, Outcome outcome, DnssecStatus status, Duration ttl) {
        this(name, records, outcome, status, ttl, name);
    }

    /**
     * A lookup that gave no usable answer.
     *
     * @param name the queried name
     * @param status {@link DnssecStatus#BOGUS} or {@link DnssecStatus#INDETERMINATE}
     * @param <T> the record type
     * @return a FAILED answer with no records and a zero TTL
     */
    public static <T> DnsAnswer<T> failed(String name, DnssecStatus status) {
        return new DnsAnswer<>(name, List.of(), Outcome.FAILED, status, Duration.ZERO, name);
    }

    /**
     * Whether the answer may be used at all: it is not FAILED, and its status is SECURE or
     * INSECURE. A usable answer may still be a denial.
     *
     * @return {@code true} when usable
     */
    public boolean usable() {
        return outcome != Outcome.FAILED && status.usable();
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
        NXDOMAIN,
        /**
         * No usable answer: validation failed ({@link DnssecStatus#BOGUS}) or no decision was
         * possible ({@link DnssecStatus#INDETERMINATE}: timeout, refusal, network error, malformed
         * data). Never treated as a denial.
         */
        FAILED
    }
}
