package io.deepmail.core.discovery;

import io.deepmail.core.TransportMode;
import io.deepmail.core.dns.SrvRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/** The orderings of REQUIREMENTS §5.3 steps 5-6 and §5.4: RFC 2782 within a label, then across labels. */
final class SrvOrdering {

    private SrvOrdering() {
    }

    /**
     * RFC 2782 order of one RRset: lowest priority first; within a priority, weighted random
     * selection without replacement, with the records of weight 0 placed first before the running
     * sums are computed, and a uniform number between 0 and the sum, inclusive, choosing the first
     * record whose running sum reaches it (SRV-03).
     *
     * @param records the records, in answer order
     * @param random the random source
     * @return the records in the order to try them
     */
    static List<SrvRecord> rfc2782(List<SrvRecord> records, RandomGenerator random) {
        TreeMap<Integer, List<SrvRecord>> byPriority = new TreeMap<>();
        for (SrvRecord r : records) {
            byPriority.computeIfAbsent(r.priority(), p -> new ArrayList<>()).add(r);
        }
        List<SrvRecord> out = new ArrayList<>(records.size());
        for (List<SrvRecord> group : byPriority.values()) {
            List<SrvRecord> pending = new ArrayList<>(group.size());
            group.stream().filter(r -> r.weight() == 0).forEach(pending::add);
            group.stream().filter(r -> r.weight() != 0).forEach(pending::add);
            while (!pending.isEmpty()) {
                long sum = 0;
                for (SrvRecord r : pending) {
                    sum += r.weight();
                }
                long pick = random.nextLong(sum + 1);
                long running = 0;
                int chosen = pending.size() - 1;
                for (int i = 0; i < pending.size(); i++) {
                    running += pending.get(i).weight();
                    if (running >= pick) {
                        chosen = i;
                        break;
                    }
                }
                out.add(pending.remove(chosen));
            }
        }
        return out;
    }

    /**
     * Merges the already ordered candidates of a protocol's two labels (REQUIREMENTS §5.4, SRV-10).
     * By default priorities compare across labels (RFC 6186 §3.4) and, at equal priority, Implicit
     * TLS goes first; {@link ImplicitTlsPreference#STRICT} puts every Implicit-TLS candidate first.
     * The sort is stable, so the RFC 2782 order within a label is kept.
     *
     * @param implicit the Implicit-TLS label's candidates, in RFC 2782 order
     * @param startTls the STARTTLS label's candidates, in RFC 2782 order
     * @param preference the preference
     * @return the merged order
     */
    static List<DiscoveryCandidate> merge(List<DiscoveryCandidate> implicit, List<DiscoveryCandidate> startTls,
            ImplicitTlsPreference preference) {
        List<DiscoveryCandidate> all = new ArrayList<>(implicit);
        all.addAll(startTls);
        Comparator<DiscoveryCandidate> implicitFirst = Comparator.comparingInt(c -> c.mode() == TransportMode.IMPLICIT
                ? 0 : 1);
        Comparator<DiscoveryCandidate> byPriority = Comparator.comparingInt(DiscoveryCandidate::priority);
        all.sort(preference == ImplicitTlsPreference.STRICT ? implicitFirst.thenComparing(byPriority)
                : byPriority.thenComparing(implicitFirst));
        return List.copyOf(all);
    }
}
