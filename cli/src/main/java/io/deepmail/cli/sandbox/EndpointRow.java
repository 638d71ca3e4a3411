package io.deepmail.cli.sandbox;

import io.deepmail.cli.LatchSummary;
import io.deepmail.core.latch.EndpointLatches;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.security.SessionSecurityEvent;
import java.time.Duration;
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
                String.valueOf(s.level().value()), LatchSummary.of(latches), timing);
    }

    private static String ms(Duration d) {
        return d.toMillis() + "ms";
    }
}
