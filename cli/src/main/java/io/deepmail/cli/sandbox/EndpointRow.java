package io.deepmail.cli.sandbox;

import io.deepmail.core.latch.EndpointLatches;
import io.deepmail.core.latch.TagState;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.security.SessionSecurityEvent;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One line of a sandbox table: what protected one session and what the latch store holds for its
 * endpoint afterwards.
 */
record EndpointRow(String protocol, String endpoint, String mode, String version, String cipher, String auth,
        String tags, String level, String latches, String timings) {

    static EndpointRow of(SessionSecurity s, @Nullable SessionSecurityEvent event, EndpointLatches latches,
            Duration total) {
        String timing = event == null ? ms(total) + " total"
                : "tcp " + ms(event.connectTime()) + " tls " + ms(event.handshakeTime()) + " total " + ms(total);
        return new EndpointRow(s.endpoint().protocol().name(), s.endpoint().host() + ":" + s.endpoint().port(),
                s.endpoint().mode().name(), String.valueOf(s.tlsVersion()), String.valueOf(s.cipherSuite()),
                s.authentication().name(), s.tags().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                String.valueOf(s.level().value()), latchSummary(latches), timing);
    }

    /** The tags latched for an endpoint, grouped by state: {@code PROVISIONAL[CERT_DANE,IMPLICIT,TLS,TLSv1.2]}. */
    static String latchSummary(EndpointLatches latches) {
        Map<TagState, java.util.List<String>> byState = new TreeMap<>();
        latches.tags().forEach((tag, latch) -> {
            if (latch.state() != TagState.NONE) {
                byState.computeIfAbsent(latch.state(), k -> new java.util.ArrayList<>()).add(tag.name());
            }
        });
        latches.versions().forEach((version, latch) -> {
            if (latch.state() != TagState.NONE) {
                byState.computeIfAbsent(latch.state(), k -> new java.util.ArrayList<>()).add(version.toString());
            }
        });
        if (byState.isEmpty()) {
            return "none";
        }
        return byState.entrySet().stream().map(e -> e.getKey() + e.getValue().stream().sorted()
                .collect(Collectors.joining(",", "[", "]"))).collect(Collectors.joining(" "));
    }

    private static String ms(Duration d) {
        return d.toMillis() + "ms";
    }
}
