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
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** LAT-03 and the lattice laws of the latch model, as properties over random histories. */
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

    @Provide
    Arbitrary<SessionSecurity> sessions() {
        Arbitrary<Endpoint> endpoints = Arbitraries.of(ENDPOINTS);
        Arbitrary<String> versions = Arbitraries.of("TLSv1.3", "TLSv1.2", "TLSv1.1");
        Arbitrary<String> suites = Arbitraries.of(Sessions.ECDHE, Sessions.STATIC_RSA, Sessions.TLS13);
        Arbitrary<AuthenticationMethod> auths = Arbitraries.of(AuthenticationMethod.PKIX, AuthenticationMethod.DANE_EE,
                AuthenticationMethod.DANE_TA, AuthenticationMethod.PINNED);
        return Combinators.combine(endpoints, versions, suites, auths, Arbitraries.integers().between(0, 9))
                .as((e, v, s, a, clear) -> clear == 0 ? Sessions.cleartext(e)
                        : Sessions.session(e, v, "TLSv1.3".equals(v) ? Sessions.TLS13 : s, a, List.of()));
    }

    @Provide
    Arbitrary<Action> actions() {
        Arbitrary<Account> accounts = Arbitraries.of(ALICE, BOB);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Combinators.combine(accounts, sessions()).as(Session::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.of(ENDPOINTS),
                        Arbitraries.of(DnssecStatus.class)).as(Dns::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sessions(),
                        Arbitraries.subsetOf(SecurityTag.values()), Arbitraries.of(TlsVersion.class)).as(Advert::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new StoreFailure())),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 5).map(Stale::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(ENDPOINTS).map(Confirm::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 4).map(Wait::new)));
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

    @Property(tries = 300)
    @Label("LAT-03: no sequence of sessions, advertisements, DNS answers and failures ever lowers a latch")
    void neverLowers(@ForAll("histories") List<Action> history) {
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

    @Provide
    Arbitrary<List<Action>> histories() {
        return actions().list().ofMaxSize(40);
    }

    @Property(tries = 200)
    @Label("LAT-03/L10: only reset lowers; afterwards no replay of an older state brings a latch back")
    void onlyResetLowers(@ForAll("histories") List<Action> history) {
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

    @Provide
    Arbitrary<LatchState> states() {
        return Combinators.combine(histories(), Arbitraries.longs().between(0, 2), Arbitraries.longs().between(0, 9))
                .as((history, generation, revision) -> {
                    LatchState state = LatchState.EMPTY;
                    List<LatchState> seen = new ArrayList<>(List.of(state));
                    Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
                    for (Action a : history) {
                        state = step(state, a, seen, now);
                        seen.add(state);
                    }
                    return new LatchState(revision, generation, state.endpoints(), state.accountCertificate(),
                            state.pins());
                });
    }

    @Property(tries = 200)
    @Label("join is commutative, associative and idempotent, and never below either side")
    void joinLaws(@ForAll("states") LatchState a, @ForAll("states") LatchState b, @ForAll("states") LatchState c) {
        assertThat(a.join(b)).isEqualTo(b.join(a));
        assertThat(a.join(b).join(c)).isEqualTo(a.join(b.join(c)));
        assertThat(a.join(a)).isEqualTo(a);
        if (a.generation() == b.generation()) {
            assertThat(a.join(b).isAtLeast(a)).isTrue();
            assertThat(a.join(b).isAtLeast(b)).isTrue();
        }
    }

    @Property(tries = 200)
    @Label("the stored form round-trips, so every store joins what the model joins")
    void codecRoundTrip(@ForAll("states") LatchState a) {
        assertThat(LatchCodec.fromText(LatchCodec.toText(a))).isEqualTo(a);
        assertThat(LatchCodec.decode(LatchCodec.encode(a))).isEqualTo(a);
    }
}
