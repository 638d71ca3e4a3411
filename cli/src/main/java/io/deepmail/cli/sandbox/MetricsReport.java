package io.deepmail.cli.sandbox;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.Tag;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Prints what a run recorded, one line per meter name: how many events it counted over all its tag
 * combinations, and the tag values it saw.
 */
final class MetricsReport {

    private MetricsReport() {
    }

    /**
     * Prints the report.
     *
     * @param out where
     * @param registry the registry
     * @return how many meter names had a non-zero count
     */
    static int print(PrintWriter out, MeterRegistry registry) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Map<String, Set<String>>> tags = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            long count = (long) StreamSupport.stream(meter.measure().spliterator(), false)
                    .filter(m -> m.getStatistic() == Statistic.COUNT || m.getStatistic() == Statistic.VALUE)
                    .mapToDouble(m -> m.getValue()).sum();
            if (count <= 0) {
                continue;
            }
            String name = meter.getId().getName();
            counts.merge(name, count, Long::sum);
            for (Tag tag : meter.getId().getTags()) {
                tags.computeIfAbsent(name, n -> new TreeMap<>()).computeIfAbsent(tag.getKey(), k -> new TreeSet<>())
                        .add(tag.getValue());
            }
        }
        counts.forEach((name, count) -> out.printf("  %-34s %5d  %s%n", name, count,
                tags.getOrDefault(name, Map.of()).entrySet().stream()
                        .map(e -> e.getKey() + "=" + String.join("|", e.getValue()))
                        .collect(Collectors.joining(" "))));
        return counts.size();
    }
}
