package io.deepmail.core.internal.latch;

import io.deepmail.core.Endpoint;
import io.deepmail.core.latch.EndpointLatches;
import io.deepmail.core.latch.LatchState;
import io.deepmail.core.latch.PolicyAdvertisement;
import io.deepmail.core.latch.TagState;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.tls.TlsVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * L4(b), EXT-02 and EXT-06 as a pure function: an authenticated advertisement confirms the
 * provisional latches it names that this session showed; whatever asks for less than what is
 * latched, or names what the session did not show, changes nothing and is reported.
 */
public final class Advertisements {

    private Advertisements() {
    }

    /**
     * The effect of one advertisement.
     *
     * @param proposal what to join into the store
     * @param ignored why parts of the advertisement were ignored, for the log
     */
    public record Outcome(LatchState proposal, List<String> ignored) {
    }

    /**
     * Applies an advertisement received in an authenticated session.
     *
     * @param state the account's latches
     * @param session the session it arrived in
     * @param ad the advertisement
     * @return the proposal and the ignored parts
     */
    public static Outcome apply(LatchState state, SessionSecurity session, PolicyAdvertisement ad) {
        Endpoint endpoint = session.endpoint();
        EndpointLatches latches = state.endpoint(endpoint);
        List<String> ignored = new ArrayList<>();
        for (SecurityTag tag : SecurityTag.values()) {
            TagState latched = latches.state(tag);
            if (!ad.tags().contains(tag)) {
                if (latched != TagState.NONE) {
                    ignored.add("asks for less: omits " + tag + ", latched " + latched);
                }
            } else if (tag == SecurityTag.PFS) {
                ignored.add("PFS is confirmed only explicitly (L9)");
            } else if (!session.has(tag) || latched == TagState.NONE) {
                ignored.add("names " + tag + ", which this session did not show and nothing latched");
            } else {
                latches = latches.with(tag, latches.latch(tag).confirmed());
            }
        }
        Optional<TlsVersion> seen = LatchEvaluator.version(session);
        Optional<TlsVersion> latched = latches.latchedVersion(TagState.PROVISIONAL);
        TlsVersion asked = ad.minimumVersion();
        if (asked == null) {
            latched.ifPresent(v -> ignored.add("asks for less: no TLS version, latched " + v.protocolName()));
        } else {
            if (latched.isPresent() && asked.compareTo(latched.get()) < 0) {
                ignored.add("asks for less: " + asked.protocolName() + ", latched " + latched.get().protocolName());
            }
            for (TlsVersion floor : TlsVersion.values()) {
                boolean shown = seen.isPresent() && floor.compareTo(seen.get()) <= 0;
                if (floor.compareTo(asked) <= 0 && shown && latches.latch(floor).state() != TagState.NONE) {
                    latches = latches.with(floor, latches.latch(floor).confirmed());
                }
            }
        }
        return new Outcome(LatchRules.delta(state, endpoint, latches), List.copyOf(ignored));
    }
}
