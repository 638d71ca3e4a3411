package io.deepmail.metrics.micrometer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Admits the first {@code max} distinct well-formed values of an open set as tag values; later ones,
 * and malformed ones, become {@code other}. Used for cipher suites, whose set is bounded in practice
 * by what the client offers but not by a list this module could keep up to date.
 */
final class BoundedValues {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private final int max;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();

    BoundedValues(int max) {
        this.max = max;
    }

    /**
     * The tag value for {@code value}.
     *
     * @param value the raw value
     * @return the value itself if admitted, else {@code other}
     */
    String of(String value) {
        if (admitted.contains(value)) {
            return value;
        }
        if (!TOKEN.matcher(value).matches()) {
            return MailMeterNames.OTHER;
        }
        synchronized (admitted) {
            if (admitted.size() < max) {
                admitted.add(value);
            }
        }
        return admitted.contains(value) ? value : MailMeterNames.OTHER;
    }
}
