package io.deepmail.core.internal.dns;

import io.netty.handler.codec.dns.AbstractDnsOptPseudoRrRecord;

/**
 * The EDNS0 OPT pseudo-record (RFC 6891) with the DO bit set (RFC 3225): "send DNSSEC records".
 * A validating resolver such as Unbound sets AD in its answer only when the query had DO or AD
 * set. Netty's own OPT record has no flags; when a query already carries an OPT record Netty adds
 * none, so this one replaces it. Immutable and not reference-counted, so one instance serves every
 * query.
 */
final class DnssecOptRecord extends AbstractDnsOptPseudoRrRecord {

    /** The UDP payload size advertised, as recommended since DNS Flag Day 2020. */
    static final int PAYLOAD_SIZE = 1232;

    /** The DO bit in the OPT record's TTL field: the top bit of its 16 flag bits. */
    static final int DO_BIT = 0x8000;

    static final DnssecOptRecord INSTANCE = new DnssecOptRecord();

    private DnssecOptRecord() {
        super(PAYLOAD_SIZE, 0, 0);
    }

    /**
     * The TTL field of an OPT record holds extended RCODE, version and flags (RFC 6891 §6.1.3);
     * Netty's encoder writes it as is, so the DO bit is added here.
     *
     * @return extended RCODE 0, version 0, flags DO
     */
    @Override
    public long timeToLive() {
        return super.timeToLive() | DO_BIT;
    }

    @Override
    public int flags() {
        return (int) (timeToLive() & 0xffff);
    }
}
