package io.deepmail.metrics.micrometer;

import io.deepmail.core.latch.LatchEvent;
import io.deepmail.core.latch.LatchFinding;
import io.deepmail.core.latch.PendingViolation;
import java.util.List;

/** Latch events as {@link MailMeters#LATCH_EVENTS} and their findings as {@link MailMeters#LATCH_FINDINGS}. */
final class LatchMeters {

    private final Meters meters;

    LatchMeters(Meters meters) {
        this.meters = meters;
    }

    void record(LatchEvent event) {
        String protocol = TagValues.protocol(TagValues.endpoint(event));
        String property = MailMeterNames.NONE;
        String source = MailMeterNames.NONE;
        List<LatchFinding> findings = List.of();
        if (event instanceof LatchEvent.Raised e) {
            property = TagValues.lower(e.property());
        } else if (event instanceof LatchEvent.Confirmed e) {
            property = TagValues.lower(e.property());
            source = TagValues.lower(e.source());
        } else if (event instanceof LatchEvent.Violated e) {
            findings = e.findings();
        } else if (event instanceof LatchEvent.Warned e) {
            findings = e.findings();
        } else if (event instanceof PendingViolation e) {
            findings = e.findings();
        }
        meters.count(MailMeters.LATCH_EVENTS, null, protocol, TagValues.lower(event.kind()), property, source);
        for (LatchFinding f : findings) {
            meters.count(MailMeters.LATCH_FINDINGS, null, protocol, TagValues.lower(f.property()),
                    TagValues.lower(f.latched()), TagValues.lower(f.severity()));
        }
    }
}
