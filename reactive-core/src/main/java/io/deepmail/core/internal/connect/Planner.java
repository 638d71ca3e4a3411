package io.deepmail.core.internal.connect;

import io.deepmail.core.Account;
import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.Candidate;
import io.deepmail.core.discovery.ImplicitTlsPreference;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.security.ConfidentialityLevel;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Orders and filters candidates (SRV-05, SRV-10) and interleaves address families (RFC 8305 §4). */
public final class Planner {

    private Planner() {
    }

    /**
     * The candidates of {@code targets} the account may use, most preferred first. Cleartext
     * candidates survive only on a level-0 account with explicit consent (EXT-05, SRV-06); the sort
     * is stable, so equal candidates keep their discovery order.
     *
     * @param account the account
     * @param targets the targets
     * @param preference the Implicit-TLS preference
     * @return the plan
     */
    public static List<Candidate> plan(Account account, Targets targets, ImplicitTlsPreference preference) {
        boolean cleartextAllowed = account.minimumLevel() == ConfidentialityLevel.NONE && account.cleartextConsent();
        Comparator<Candidate> implicitFirst = Comparator.comparing(c -> c.endpoint().mode() != TransportMode.IMPLICIT);
        Comparator<Candidate> order = preference == ImplicitTlsPreference.STRICT
                ? implicitFirst.thenComparingInt(Candidate::priority)
                : Comparator.comparingInt(Candidate::priority).thenComparing(implicitFirst);
        return targets.candidates().stream()
                .filter(c -> c.endpoint().mode() != TransportMode.PLAINTEXT || cleartextAllowed)
                .sorted(order)
                .toList();
    }

    /**
     * Alternates address families, IPv6 first, keeping the order within each family.
     *
     * @param addresses the addresses of one host
     * @return the interleaved addresses
     */
    public static List<InetAddress> interleave(List<InetAddress> addresses) {
        List<InetAddress> v6 = addresses.stream().filter(a -> a instanceof Inet6Address).toList();
        List<InetAddress> v4 = addresses.stream().filter(a -> !(a instanceof Inet6Address)).toList();
        List<InetAddress> out = new ArrayList<>(addresses.size());
        for (int i = 0; i < Math.max(v6.size(), v4.size()); i++) {
            if (i < v6.size()) {
                out.add(v6.get(i));
            }
            if (i < v4.size()) {
                out.add(v4.get(i));
            }
        }
        return out;
    }
}
