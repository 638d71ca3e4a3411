package io.deepmail.cli;

import io.deepmail.core.latch.EndpointLatches;
import io.deepmail.core.latch.TagState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One line for an endpoint's latches, grouped by state. */
public final class LatchSummary {

    private LatchSummary() {
    }

    /**
     * The tags latched for an endpoint, grouped by state: {@code PROVISIONAL[PFS] NORMAL[CERT_DANE,TLS,TLS_1_2]}.
     *
     * @param latches the endpoint's latches
     * @return the line, or {@code none}
     */
    public static String of(EndpointLatches latches) {
        Map<TagState, List<String>> byState = new TreeMap<>();
        latches.tags().forEach((tag, latch) -> {
            if (latch.state() != TagState.NONE) {
                byState.computeIfAbsent(latch.state(), k -> new ArrayList<>()).add(tag.name());
            }
        });
        latches.versions().forEach((version, latch) -> {
            if (latch.state() != TagState.NONE) {
                byState.computeIfAbsent(latch.state(), k -> new ArrayList<>()).add(version.toString());
            }
        });
        if (byState.isEmpty()) {
            return "none";
        }
        return byState.entrySet().stream().map(e -> e.getKey() + e.getValue().stream().sorted()
                .collect(Collectors.joining(",", "[", "]"))).collect(Collectors.joining(" "));
    }
}
