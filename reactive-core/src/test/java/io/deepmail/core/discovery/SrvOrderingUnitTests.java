package io.deepmail.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deepmail.core.TransportMode;
import io.deepmail.core.dns.SrvRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RFC 2782 ordering within a label and the Implicit-TLS preference across labels. */
class SrvOrderingUnitTests {

    private static final int DRAWS = 20_000;

    @Test
    @DisplayName("SRV-03: lowest priority first, whatever the answer order and weights")
    void priorityFirst() {
        List<SrvRecord> records = List.of(srv(20, 100, "c"), srv(0, 0, "a"), srv(10, 1, "b"), srv(0, 50, "a2"));
        for (int seed = 0; seed < 50; seed++) {
            List<SrvRecord> ordered = SrvOrdering.rfc2782(records, new SplittableRandom(seed));
            assertThat(ordered).extracting(SrvRecord::priority).containsExactly(0, 0, 10, 20);
        }
    }

    @Test
    @DisplayName("SRV-03: a fixed seed gives a fixed order")
    void fixedSeed() {
        List<SrvRecord> records = List.of(srv(0, 10, "a"), srv(0, 20, "b"), srv(0, 30, "c"), srv(0, 40, "d"));
        List<SrvRecord> first = SrvOrdering.rfc2782(records, new SplittableRandom(42));
        for (int i = 0; i < 10; i++) {
            assertThat(SrvOrdering.rfc2782(records, new SplittableRandom(42))).isEqualTo(first);
        }
        assertThat(first).containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    @DisplayName("SRV-03: frequency of the first pick over many draws follows RFC 2782 (sum inclusive)")
    void weightedFrequencies() {
        // Running sums 10, 30, 100 over a uniform draw in [0, 100]: P = 11/101, 20/101, 70/101.
        List<SrvRecord> records = List.of(srv(0, 10, "a"), srv(0, 20, "b"), srv(0, 70, "c"));
        Map<String, Integer> firsts = firstPicks(records, new SplittableRandom(2782));
        assertThat(share(firsts, "a")).isCloseTo(11.0 / 101, within(0.015));
        assertThat(share(firsts, "b")).isCloseTo(20.0 / 101, within(0.015));
        assertThat(share(firsts, "c")).isCloseTo(70.0 / 101, within(0.015));
    }

    @Test
    @DisplayName("SRV-03: weight-0 records go first before the sums, so they are picked only on a draw of 0")
    void zeroWeight() {
        List<SrvRecord> records = List.of(srv(0, 10, "heavy"), srv(0, 0, "zero"));
        Map<String, Integer> firsts = firstPicks(records, new SplittableRandom(6186));
        assertThat(share(firsts, "zero")).isCloseTo(1.0 / 11, within(0.01));
        List<SrvRecord> allZero = List.of(srv(0, 0, "x"), srv(0, 0, "y"));
        assertThat(SrvOrdering.rfc2782(allZero, new SplittableRandom(1))).extracting(SrvRecord::target)
                .containsExactly("x", "y");
    }

    @Test
    @DisplayName("SRV-03: selection is without replacement: every record appears exactly once")
    void withoutReplacement() {
        List<SrvRecord> records = List.of(srv(0, 1, "a"), srv(0, 1, "b"), srv(0, 65_535, "c"), srv(1, 0, "d"));
        RandomGenerator random = new SplittableRandom(7);
        for (int i = 0; i < 1_000; i++) {
            assertThat(SrvOrdering.rfc2782(records, random)).hasSize(4).containsExactlyInAnyOrderElementsOf(records);
        }
    }

    @Test
    @DisplayName("SRV-10: at equal priority Implicit TLS goes first; otherwise provider priorities decide")
    void equalPriorityImplicitFirst() {
        DiscoveryCandidate imaps0 = candidate(ServiceLabel.IMAPS, 0, 993);
        DiscoveryCandidate imap0 = candidate(ServiceLabel.IMAP, 0, 143);
        assertThat(SrvOrdering.merge(List.of(imaps0), List.of(imap0), ImplicitTlsPreference.AT_EQUAL_PRIORITY))
                .extracting(DiscoveryCandidate::port).containsExactly(993, 143);
        DiscoveryCandidate imaps10 = candidate(ServiceLabel.IMAPS, 10, 993);
        assertThat(SrvOrdering.merge(List.of(imaps10), List.of(imap0), ImplicitTlsPreference.AT_EQUAL_PRIORITY))
                .extracting(DiscoveryCandidate::port).containsExactly(143, 993);
    }

    @Test
    @DisplayName("SRV-10: STRICT puts every Implicit-TLS candidate first, priorities order each mode")
    void strict() {
        DiscoveryCandidate imaps10 = candidate(ServiceLabel.IMAPS, 10, 993);
        DiscoveryCandidate imaps20 = candidate(ServiceLabel.IMAPS, 20, 1993);
        DiscoveryCandidate imap0 = candidate(ServiceLabel.IMAP, 0, 143);
        List<DiscoveryCandidate> merged = SrvOrdering.merge(List.of(imaps10, imaps20), List.of(imap0),
                ImplicitTlsPreference.STRICT);
        assertThat(merged).extracting(DiscoveryCandidate::port).containsExactly(993, 1993, 143);
        assertThat(merged).extracting(DiscoveryCandidate::mode)
                .containsExactly(TransportMode.IMPLICIT, TransportMode.IMPLICIT, TransportMode.STARTTLS);
    }

    private static Map<String, Integer> firstPicks(List<SrvRecord> records, RandomGenerator random) {
        Map<String, Integer> firsts = new HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            firsts.merge(SrvOrdering.rfc2782(records, random).get(0).target(), 1, Integer::sum);
        }
        return firsts;
    }

    private static double share(Map<String, Integer> counts, String target) {
        return counts.getOrDefault(target, 0) / (double) DRAWS;
    }

    private static SrvRecord srv(int priority, int weight, String host) {
        return new SrvRecord(priority, weight, 993, host);
    }

    private static DiscoveryCandidate candidate(ServiceLabel label, int priority, int port) {
        return DiscoveryCandidate.of(label, "example.com", "mail.example.com", port, priority, 1, true);
    }
}
