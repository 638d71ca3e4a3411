package io.deepmail.metrics.micrometer;

import io.micrometer.core.instrument.Tags;
import java.util.List;

/**
 * The cache key of one meter: which documented meter, and its tag values in the documented key
 * order, followed by the host when the meter carries it.
 *
 * @param meter the documented meter
 * @param values the tag values
 */
record MeterKey(MailMeters meter, List<String> values) {

    MeterKey {
        values = List.copyOf(values);
        int expected = meter.keyCount();
        if (values.size() != expected && values.size() != expected + 1) {
            throw new IllegalArgumentException(meter + " takes " + expected + " tag values, got " + values);
        }
    }

    /** The tags, built only when the meter is registered. */
    Tags tags() {
        Tags tags = Tags.empty();
        for (int i = 0; i < meter.keyCount(); i++) {
            tags = tags.and(meter.key(i), values.get(i));
        }
        if (values.size() > meter.keyCount()) {
            tags = tags.and(MailKeyNames.HOST.asString(), values.get(meter.keyCount()));
        }
        return tags;
    }
}
