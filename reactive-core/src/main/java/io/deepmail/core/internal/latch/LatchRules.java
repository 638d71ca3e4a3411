package io.deepmail.core.internal.latch;

import io.deepmail.core.Endpoint;
import io.deepmail.core.latch.EndpointLatches;
import io.deepmail.core.latch.LatchPolicy;
import io.deepmail.core.latch.LatchState;
import io.deepmail.core.latch.Pin;
import io.deepmail.core.latch.TagLatch;
import io.deepmail.core.latch.TagState;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.tls.TlsVersion;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The latch transitions of REQUIREMENTS §3.4 as pure functions. Each returns a proposal that the
 * store joins into what it holds, so every transition but {@link #reset} can only raise.
 */
public final class LatchRules {

    private LatchRules() {
    }

    /**
     * L3 and L4(c): after a fully compliant session every tag it showed, and every TLS version floor
     * up to what it negotiated (capped at the ceiling), gains one observation; {@code NONE} becomes
     * {@code PROVISIONAL}; the time rule then promotes what has enough evidence, never PFS (L9).
     *
     * @param state the account's latches as loaded
     * @param session the compliant session
     * @param policy the policy
     * @return the proposal: the raised endpoint, in the state's generation
     */
    public static LatchState record(LatchState state, SessionSecurity session, LatchPolicy policy) {
        Instant now = policy.clock().instant();
        Endpoint endpoint = session.endpoint();
        EndpointLatches latches = state.endpoint(endpoint);
        for (SecurityTag tag : session.tags()) {
            latches = latches.with(tag, promote(tag != SecurityTag.PFS, latches.latch(tag).observed(now), now, policy));
        }
        Optional<TlsVersion> version = LatchEvaluator.version(session);
        if (version.isPresent()) {
            TlsVersion top = version.get().compareTo(policy.versionCeiling()) > 0 ? policy.versionCeiling()
                    : version.get();
            for (TlsVersion floor : TlsVersion.values()) {
                if (floor.compareTo(top) <= 0) {
                    latches = latches.with(floor, promote(true, latches.latch(floor).observed(now), now, policy));
                }
            }
        }
        return delta(state, endpoint, latches);
    }

    private static TagLatch promote(boolean eligible, TagLatch latch, Instant now, LatchPolicy policy) {
        Instant first = latch.firstObserved();
        if (eligible && policy.timeRule() && latch.state() == TagState.PROVISIONAL
                && latch.observations() >= policy.promotionSessions() && first != null
                && !now.isBefore(first.plus(policy.promotionPeriod()))) {
            return latch.confirmed();
        }
        return latch;
    }

    /**
     * L4(a): the user or application confirms provisional latches of one endpoint.
     *
     * @param state the account's latches
     * @param endpoint the endpoint
     * @param tags the tags to confirm; PFS only when named
     * @param versions whether to confirm the TLS version floors too
     * @return the proposal
     */
    public static LatchState confirm(LatchState state, Endpoint endpoint, Set<SecurityTag> tags, boolean versions) {
        EndpointLatches latches = state.endpoint(endpoint);
        for (SecurityTag tag : tags) {
            latches = latches.with(tag, latches.latch(tag).confirmed());
        }
        if (versions) {
            for (TlsVersion floor : TlsVersion.values()) {
                latches = latches.with(floor, latches.latch(floor).confirmed());
            }
        }
        return delta(state, endpoint, latches);
    }

    /**
     * L10: the explicit reset. A new generation with no latches; pins, revoked or not, are kept as
     * they are, because a reset must not bring back a revoked pin.
     *
     * @param state the account's latches
     * @return the reset state
     */
    public static LatchState reset(LatchState state) {
        return new LatchState(state.revision(), state.generation() + 1, Map.of(), TagState.NONE, state.pins());
    }

    /**
     * A proposal that adds or revokes one pin.
     *
     * @param state the account's latches
     * @param pin the pin
     * @return the proposal
     */
    public static LatchState pin(LatchState state, Pin pin) {
        return new LatchState(state.revision(), state.generation(), Map.of(), TagState.NONE,
                Map.of(pin.sha256(), pin));
    }

    static LatchState delta(LatchState state, Endpoint endpoint, EndpointLatches latches) {
        return new LatchState(state.revision(), state.generation(), Map.of(endpoint, latches), TagState.NONE,
                Map.of());
    }
}
