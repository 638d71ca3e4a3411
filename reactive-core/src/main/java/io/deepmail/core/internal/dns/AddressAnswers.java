package io.deepmail.core.internal.dns;

import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnsAnswer.Outcome;
import io.deepmail.core.dns.DnssecStatus;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** Combines the A and AAAA answers of one host into one answer with the weaker status. */
final class AddressAnswers {

    private AddressAnswers() {
    }

    static DnsAnswer<InetAddress> combine(DnsAnswer<InetAddress> a, DnsAnswer<InetAddress> aaaa) {
        DnssecStatus status = weaker(a.status(), aaaa.status());
        if (!a.usable() || !aaaa.usable()) {
            return DnsAnswer.failed(a.name(), status.usable() ? DnssecStatus.INDETERMINATE : status);
        }
        List<InetAddress> records = new ArrayList<>(a.records());
        records.addAll(aaaa.records());
        Outcome outcome = !records.isEmpty() ? Outcome.DATA
                : a.outcome() == Outcome.NXDOMAIN && aaaa.outcome() == Outcome.NXDOMAIN ? Outcome.NXDOMAIN
                : Outcome.NODATA;
        return new DnsAnswer<>(a.name(), records, outcome, status,
                a.ttl().compareTo(aaaa.ttl()) <= 0 ? a.ttl() : aaaa.ttl(), a.canonicalName());
    }

    /** BOGUS, then INDETERMINATE, then INSECURE, then SECURE: the first of the two in that order. */
    static DnssecStatus weaker(DnssecStatus x, DnssecStatus y) {
        return rank(x) <= rank(y) ? x : y;
    }

    private static int rank(DnssecStatus s) {
        return switch (s) {
            case BOGUS -> 0;
            case INDETERMINATE -> 1;
            case INSECURE -> 2;
            case SECURE -> 3;
        };
    }
}
