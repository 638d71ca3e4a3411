package io.deepmail.core.latch;

import io.deepmail.core.Endpoint;
import io.deepmail.core.security.SecurityTag;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything latched for one account (REQUIREMENTS §3.2, L15): the latches of each endpoint, the
 * account-wide certificate latch (L5), the account's pins, a generation and the store's revision.
 *
 * <p>{@link #join} is the one way states combine, in memory and in every store. It is commutative,
 * associative and idempotent, and within a generation it never lowers any latch. A reset (L10) is
 * the only lowering: it starts a new, higher generation, and a join keeps the content of the higher
 * generation only, so a writer still holding the old generation cannot bring reset latches back.
 * The account-wide certificate latch is {@code NORMAL} as soon as any endpoint holds a
 * {@code CERT_*} tag at {@code NORMAL}; new endpoints start empty but inherit it (L16).
 *
 * @param revision the store's revision: incremented by the store on every write that changed
 *        something; the version a compare-and-set expects
 * @param generation how many times the account was explicitly reset
 * @param endpoints the latches of each endpoint
 * @param accountCertificate the account-wide certificate latch (L5)
 * @param pins the account's pins by fingerprint
 * @since 0.1
 */
public record LatchState(long revision, long generation, Map<Endpoint, EndpointLatches> endpoints,
        TagState accountCertificate, Map<String, Pin> pins) {

    /** An account nothing is known of: revision 0, generation 0. */
    public static final LatchState EMPTY = new LatchState(0, 0, Map.of(), TagState.NONE, Map.of());

    /**
     * Validates and normalises the state: empty endpoint records are dropped, and the account-wide
     * certificate latch is raised to what the endpoints imply.
     *
     * @param revision the revision
     * @param generation the generation
     * @param endpoints the endpoint latches
     * @param accountCertificate the account-wide certificate latch
     * @param pins the pins by fingerprint
     */
    public LatchState {
        if (revision < 0 || generation < 0) {
            throw new IllegalArgumentException("revision and generation must not be negative");
        }
        Map<Endpoint, EndpointLatches> e = new HashMap<>();
        TagState account = Objects.requireNonNull(accountCertificate, "accountCertificate");
        for (Map.Entry<Endpoint, EndpointLatches> entry : Objects.requireNonNull(endpoints, "endpoints").entrySet()) {
            EndpointLatches latches = Objects.requireNonNull(entry.getValue(), "latches");
            if (!latches.isEmpty()) {
                e.put(Objects.requireNonNull(entry.getKey(), "endpoint"), latches);
            }
            if (latches.state(SecurityTag.CERT_PKIX) == TagState.NORMAL
                    || latches.state(SecurityTag.CERT_DANE) == TagState.NORMAL) {
                account = TagState.NORMAL;
            }
        }
        endpoints = Map.copyOf(e);
        accountCertificate = account;
        pins = Map.copyOf(Objects.requireNonNull(pins, "pins"));
        pins.forEach((k, v) -> {
            if (!k.equals(v.sha256())) {
                throw new IllegalArgumentException("pin keyed by another fingerprint: " + k);
            }
        });
    }

    /**
     * The latches of one endpoint.
     *
     * @param endpoint the endpoint
     * @return its latches, {@link EndpointLatches#EMPTY} for an endpoint never seen (L16)
     */
    public EndpointLatches endpoint(Endpoint endpoint) {
        return endpoints.getOrDefault(endpoint, EndpointLatches.EMPTY);
    }

    /**
     * This state with one endpoint's latches joined with {@code latches}.
     *
     * @param endpoint the endpoint
     * @param latches the latches to join in
     * @return the raised state
     */
    public LatchState with(Endpoint endpoint, EndpointLatches latches) {
        Map<Endpoint, EndpointLatches> e = new HashMap<>(endpoints);
        e.merge(endpoint, latches, EndpointLatches::join);
        return new LatchState(revision, generation, e, accountCertificate, pins);
    }

    /**
     * This state with a pin joined in.
     *
     * @param pin the pin
     * @return the new state
     */
    public LatchState with(Pin pin) {
        Map<String, Pin> p = new HashMap<>(pins);
        p.merge(pin.sha256(), pin, Pin::join);
        return new LatchState(revision, generation, endpoints, accountCertificate, p);
    }

    /**
     * The same content with another revision; stores use it when they write.
     *
     * @param newRevision the revision
     * @return the state
     */
    public LatchState withRevision(long newRevision) {
        return new LatchState(newRevision, generation, endpoints, accountCertificate, pins);
    }

    /**
     * The least upper bound of two states. The higher generation wins outright; within one
     * generation every latch and pin is joined pointwise. The revision is the higher one.
     *
     * @param other the other state
     * @return the join
     */
    public LatchState join(LatchState other) {
        long rev = Math.max(revision, other.revision);
        if (generation != other.generation) {
            return (generation > other.generation ? this : other).withRevision(rev);
        }
        Map<String, Pin> p = new HashMap<>(pins);
        other.pins.forEach((k, v) -> p.merge(k, v, Pin::join));
        Map<Endpoint, EndpointLatches> e = new HashMap<>(endpoints);
        other.endpoints.forEach((k, v) -> e.merge(k, v, EndpointLatches::join));
        return new LatchState(rev, generation, e, accountCertificate.join(other.accountCertificate), p);
    }

    /**
     * Whether this state's content is at least {@code other}'s, the revision aside: joining
     * {@code other} in would change nothing.
     *
     * @param other the state to compare with
     * @return {@code true} when nothing in {@code other} is higher
     */
    public boolean isAtLeast(LatchState other) {
        return join(other).withRevision(revision).equals(this);
    }

    /**
     * Whether the account is still in setup: never reset, and no session ever recorded. Pins can
     * only be made then (L12).
     *
     * @return {@code true} for a new account
     */
    public boolean isPristine() {
        return generation == 0 && endpoints.isEmpty() && accountCertificate == TagState.NONE;
    }
}
