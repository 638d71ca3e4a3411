package io.deepmail.imap.internal;

import io.deepmail.imap.response.ESearchData;
import io.deepmail.imap.response.Untagged;
import java.util.Set;

/**
 * What {@link TagCorrelator} knows of a command in flight: its tag, the kinds of untagged data it
 * collects, and whether it reads continuation requests.
 *
 * @param tag the tag, {@code "*"} for awaiting the greeting
 * @param accepts the untagged response types routed to this command
 * @param continuations whether {@code +} responses belong to this command
 */
record CommandKey(String tag, Set<Class<? extends Untagged>> accepts, boolean continuations) {

    boolean accepts(Untagged response) {
        if (response instanceof ESearchData e && e.tag() != null && !e.tag().equals(tag)) {
            return false; // RFC 4731 §3.1: the correlator names the command
        }
        for (Class<? extends Untagged> type : accepts) {
            if (type.isInstance(response)) {
                return true;
            }
        }
        return false;
    }
}
