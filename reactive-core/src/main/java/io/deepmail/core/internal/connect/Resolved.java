package io.deepmail.core.internal.connect;

import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.TlsaRecord;
import java.net.InetAddress;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What DNS said about one candidate's host: its addresses and, when they were DNSSEC-secure, the
 * TLSA answer for the candidate's port (RFC 7673 §3.2, §3.3).
 *
 * @param addresses the addresses to try
 * @param tlsa the TLSA answer, or {@code null} when none was looked up
 */
public record Resolved(List<InetAddress> addresses, @Nullable DnsAnswer<TlsaRecord> tlsa) {

    /**
     * Copies the addresses.
     *
     * @param addresses the addresses
     * @param tlsa the TLSA answer
     */
    public Resolved {
        addresses = List.copyOf(addresses);
    }
}
