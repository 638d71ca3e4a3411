package io.deepmail.core.dns;

import java.util.Locale;
import java.util.Objects;

/**
 * One SRV record (RFC 2782).
 *
 * @param priority lower is preferred
 * @param weight relative weight within a priority
 * @param port the service port
 * @param target the target host, lower-case without a trailing dot; {@code "."} means "service not provided"
 * @since 0.1
 */
public record SrvRecord(int priority, int weight, int port, String target) {

    /**
     * Validates the record.
     *
     * @param priority the priority
     * @param weight the weight
     * @param port the port
     * @param target the target
     */
    public SrvRecord {
        if (priority < 0 || priority > 65_535 || weight < 0 || weight > 65_535 || port < 0 || port > 65_535) {
            throw new IllegalArgumentException("SRV priority, weight and port are 16-bit values");
        }
        Objects.requireNonNull(target, "target");
        target = ".".equals(target) ? "." : stripDot(target.toLowerCase(Locale.ROOT));
        if (target.isEmpty()) {
            throw new IllegalArgumentException("SRV target must not be empty");
        }
    }

    /**
     * Whether this is the RFC 2782 "service decidedly not available" record (target ".").
     *
     * @return {@code true} for a "." target
     */
    public boolean notProvided() {
        return ".".equals(target);
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
