package io.deepmail.core.latch;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.internal.latch.Advertisements;
import io.deepmail.core.internal.latch.LatchCodec;
import io.deepmail.core.internal.latch.LatchEvaluator;
import io.deepmail.core.internal.latch.LatchRules;
import io.deepmail.core.internal.latch.StoredStates;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.tls.TlsVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LAT-03 and the lattice laws of the latch model, as properties over seeded random histories (a
 * failure reports the seed that reproduces it).
 */
class LatchPropertiesUnitTests {

    private static final Account ALICE = Sessions.account();
    private static final Account BOB = Sessions.levelZero("bob@example.test");
    private static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of(MailProtocol.IMAP, "mail.example.test", TransportMode.IMPLICIT),
            Endpoint.of(MailProtocol.IMAP, "mail.example.test", TransportMode.STARTTLS),
            Endpoint.of(MailProtocol.SUBMISSION, "mail.example.test", TransportMode.IMPLICIT),
            Endpoint.of(MailProtocol.IMAP, "imap2.example.test", TransportMode.IMPLICIT));

    /** One thing that can happen to an account. Only {@code Reset} may lower anything. */
    sealed interface Action permits Session, Dns, Advert, StoreFailure, Stale, Confirm, Wait, Reset {
    }

    record Session(Account account, SessionSecurity security) implements Action {
    }

    record Dns(Endpoint endpoint, DnssecStatus status) implements Action {
    }

    record Advert(SessionSecurity security, Set<SecurityTag> tags, TlsVersion version) implements Action {
    }

    record StoreFailure() implements Action {
    }

    record Stale(int back) implements Action {
    }

    record Confirm(Endpoint endpoint) implements Action {
    }

    record Wait(int days) implements Action {
    }

    record Reset() implements Action {
    }

    /** Random histories from a seed, so that any failure names the seed that reproduces it. */
    private static final class Histories {

        private final Random random;

        Histories(long seed) {
            this.random = new Random(seed);
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        SessionSecurity session() {
            Endpoint e = pick(ENDPOINTS);
            String v = pick(List.of("TLSv1.3", "TLSv1.2", "TLSv1.1"));
            String suite = pick(List.of(Sessions.ECDHE, Sessions.STATIC_RSA, Sessions.TLS13));
            AuthenticationMethod a = pick(List.of(AuthenticationMethod.PKIX, AuthenticationMethod.DANE_EE,
                    AuthenticationMethod.DANE_TA, AuthenticationMethod.PINNED));
            return random.nextInt(10) == 0 ? Sessions.cleartext(e)
                    : Sessions.session(e, v, "TLSv1.3".equals(v) ? Sessions.TLS13 : suite, a, List.of());
        }

        Action action() {
            int roll = random.nextInt(15);
            if (roll < 6) {
                return new Session(random.nextBoolean() ? ALICE : BOB, session());
            }
            if (roll < 8) {
                return new Dns(pick(ENDPOINTS), pick(List.of(DnssecStatus.values())));
            }
            if (roll < 10) {
                Set<SecurityTag> tags = EnumSet.noneOf(SecurityTag.class);
                for (SecurityTag t : SecurityTag.values()) {
                    if (random.nextBoolean()) {
                        tags.add(t);
                    }
                }
                return new Advert(session(), tags, pick(List.of(TlsVersion.values())));
            }
            return switch (roll) {
                case 10 -> new StoreFailure();
                case 11 -> new Stale(1 + random.nextInt(5));
                case 12 -> new Confirm(pick(ENDPOINTS));
                default -> new Wait(random.nextInt(5));
            };
        }

        List<Action> history() {
            int n = random.nextInt(41);
            List<Action> history = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                history.add(action());
            }
            return history;
        }

        LatchState state() {
            LatchState state = LatchState.EMPTY;
            List<LatchState> seen = new ArrayList<>(List.of(state));
            Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
            for (Action a : history()) {
                state = step(state, a, seen, now);
                seen.add(state);
            }
            return new LatchState(random.nextInt(10), random.nextInt(3), state.endpoints(), state.accountCertificate(),
                    state.pins());
        }
    }

    /** Runs {@code property} on {@code tries} seeds; a failure names its seed. */
    private static void forSeeds(int tries, java.util.function.LongConsumer property) {
        long base = new Random().nextLong();
        for (int i = 0; i < tries; i++) {
            long seed = base + i;
            try {
                property.accept(seed);
            } catch (AssertionError e) {
                throw new AssertionError("property failed for seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    /** Runs one action the way the service does, as pure rules and the store's write rule. */
    private static LatchState step(LatchState state, Action action, List<LatchState> history, Instant[] now) {
        Clock clock = Clock.fixed(now[0], ZoneOffset.UTC);
        LatchPolicy policy = LatchPolicy.builder().clock(clock).timeRule(true, 2, Duration.ofDays(1)).build();
        if (action instanceof Session s) {
            return admit(state, s.account(), s.security(), policy);
        }
        if (action instanceof Dns d) {
            if (d.status() == DnssecStatus.BOGUS || d.status() == DnssecStatus.INDETERMINATE) {
                return state; // the target is skipped: no session at all
            }
            AuthenticationMethod auth = d.status() == DnssecStatus.SECURE ? AuthenticationMethod.DANE_EE
                    : AuthenticationMethod.PKIX;
            return admit(state, ALICE, Sessions.session(d.endpoint(), "TLSv1.3", Sessions.TLS13, auth, List.of()),
                    policy);
        }
        if (action instanceof Advert a) {
            return AuthenticatedCapabilities.isAuthenticated(a.security())
                    ? StoredStates.write(state, Advertisements.apply(state, a.security(),
                            new PolicyAdvertisement(a.tags(), a.version())).proposal())
                    : state;
        }
        if (action instanceof Stale s) {
            return StoredStates.write(state, history.get(Math.max(0, history.size() - s.back())));
        }
        if (action instanceof Confirm c) {
            return StoredStates.write(state, LatchRules.confirm(state, c.endpoint(), EnumSet.allOf(SecurityTag.class),
                    true));
        }
        if (action instanceof Wait w) {
            now[0] = now[0].plus(Duration.ofDays(w.days()));
            return state;
        }
        if (action instanceof Reset) {
            return StoredStates.write(state, LatchRules.reset(state));
        }
        return state; // StoreFailure: nothing is written
    }

    private static LatchState admit(LatchState state, Account account, SessionSecurity session, LatchPolicy policy) {
        LatchEvaluation evaluation = LatchEvaluator.evaluate(account, state, session, policy);
        return evaluation.verdict() == LatchEvaluation.Verdict.PASS
                ? StoredStates.write(state, LatchRules.record(state, session, policy))
                : state;
    }

    @Test
    @DisplayName("LAT-03: no sequence of sessions, advertisements, DNS answers and failures ever lowers a latch")
    void neverLowers() {
        forSeeds(300, seed -> neverLowers(new Histories(seed).history()));
    }

    private static void neverLowers(List<Action> history) {
        LatchState state = LatchState.EMPTY;
        List<LatchState> seen = new ArrayList<>(List.of(state));
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        for (Action action : history) {
            LatchState next = step(state, action, seen, now);
            assertThat(next.generation()).as(action.toString()).isEqualTo(state.generation());
            assertThat(next.isAtLeast(state)).as(action + " lowered\n" + state + "\nto\n" + next).isTrue();
            assertThat(next.revision()).isGreaterThanOrEqualTo(state.revision());
            state = next;
            seen.add(state);
        }
    }

    @Test
    @DisplayName("LAT-03/L10: only reset lowers; afterwards no replay of an older state brings a latch back")
    void onlyResetLowers() {
        forSeeds(200, seed -> onlyResetLowers(new Histories(seed).history()));
    }

    private static void onlyResetLowers(List<Action> history) {
        LatchState state = LatchState.EMPTY;
        List<LatchState> seen = new ArrayList<>(List.of(state));
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        for (Action action : history) {
            state = step(state, action, seen, now);
            seen.add(state);
        }
        LatchState reset = step(state, new Reset(), seen, now);
        assertThat(reset.endpoints()).isEmpty();
        assertThat(reset.generation()).isEqualTo(state.generation() + 1);
        for (LatchState old : seen) {
            assertThat(StoredStates.write(reset, old).endpoints()).isEmpty();
        }
    }

    @Test
    @DisplayName("join is commutative, associative and idempotent, and never below either side")
    void joinLaws() {
        forSeeds(200, seed -> {
            Histories h = new Histories(seed);
            joinLaws(h.state(), h.state(), h.state());
        });
    }

    private static void joinLaws(LatchState a, LatchState b, LatchState c) {
        assertThat(a.join(b)).isEqualTo(b.join(a));
        assertThat(a.join(b).join(c)).isEqualTo(a.join(b.join(c)));
        assertThat(a.join(a)).isEqualTo(a);
        if (a.generation() == b.generation()) {
            assertThat(a.join(b).isAtLeast(a)).isTrue();
            assertThat(a.join(b).isAtLeast(b)).isTrue();
        }
    }

    @Test
    @DisplayName("the stored form round-trips, so every store joins what the model joins")
    void codecRoundTrip() {
        forSeeds(200, seed -> codecRoundTrip(new Histories(seed).state()));
    }

    private static void codecRoundTrip(LatchState a) {
        assertThat(LatchCodec.fromText(LatchCodec.toText(a))).isEqualTo(a);
        assertThat(LatchCodec.decode(LatchCodec.encode(a))).isEqualTo(a);
    }
}
