package io.deepmail.cli.sandbox;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Prints the meters a run recorded: name, tags and the non-zero measurements, one meter per line. */
final class MetricsReport {

    private MetricsReport() {
    }

    static int print(PrintWriter out, MeterRegistry registry) {
        List<Meter> meters = registry.getMeters().stream()
                .sorted(Comparator.comparing((Meter m) -> m.getId().getName()).thenComparing(m -> m.getId().toString()))
                .toList();
        int shown = 0;
        for (Meter meter : meters) {
            String values = StreamSupport.stream(meter.measure().spliterator(), false)
                    .filter(m -> m.getValue() != 0 && !Double.isNaN(m.getValue()))
                    .map(MetricsReport::format).collect(Collectors.joining(" "));
            if (values.isEmpty()) {
                continue;
            }
            String tags = meter.getId().getTags().stream().map(t -> t.getKey() + "=" + t.getValue())
                    .collect(Collectors.joining(",", "{", "}"));
            out.printf("  %-44s %s %s%n", meter.getId().getName(), values, tags);
            shown++;
        }
        return shown;
    }

    private static String format(Measurement m) {
        String name = m.getStatistic().name().toLowerCase(java.util.Locale.ROOT);
        double v = m.getValue();
        String value = v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.4f", v);
        return name + "=" + value;
    }

}
