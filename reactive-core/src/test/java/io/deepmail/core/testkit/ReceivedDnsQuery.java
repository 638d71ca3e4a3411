package io.deepmail.core.testkit;

import io.netty.handler.codec.dns.DnsRecordType;

/**
 * One query {@link TestDnsServer} received, with the header and EDNS0 bits it carried.
 *
 * @param name the queried name, lower-case without a trailing dot
 * @param type the queried type
 * @param tcp whether it came over TCP (else UDP)
 * @param recursionDesired RD
 * @param authenticData AD (RFC 6840 §5.7: the client understands AD)
 * @param checkingDisabled CD (RFC 4035 §3.2.2)
 * @param dnssecOk the DO bit of the EDNS0 OPT record (RFC 3225); {@code false} without OPT
 * @since 0.1
 */
public record ReceivedDnsQuery(String name, DnsRecordType type, boolean tcp, boolean recursionDesired,
        boolean authenticData, boolean checkingDisabled, boolean dnssecOk) {

    @Override
    public String toString() {
        return name + " " + type.name() + (tcp ? " tcp" : " udp") + (recursionDesired ? " rd" : "")
                + (authenticData ? " ad" : "") + (checkingDisabled ? " cd" : "") + (dnssecOk ? " do" : "");
    }
}
