package io.deepmail.core.latch;

import static io.deepmail.core.latch.Sessions.ECDHE;
import static io.deepmail.core.latch.Sessions.IMAPS;
import static io.deepmail.core.latch.Sessions.STATIC_RSA;
import static io.deepmail.core.latch.Sessions.SUBMISSIONS;
import static io.deepmail.core.latch.Sessions.WAIT;
import static io.deepmail.core.latch.Sessions.account;
import static io.deepmail.core.latch.Sessions.pkix;
import static io.deepmail.core.latch.Sessions.session;
import static io.deepmail.core.latch.Sessions.tls13;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.LatchStoreException;
import io.deepmail.core.LatchViolationException;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** How latches are enforced before credentials: L1, L6–L9, L11–L15. */
class LatchEnforcementUnitTests {

    private static final TestCa CA = TestPki.rsa();
    private final EventRecorder recorder = new EventRecorder();
    private final LatchService latches = recorder.wire(LatchService.create(LatchStores.inMemory()));
    private final Account alice = account();

    private void latchNormal(Endpoint endpoint) {
        latches.admit(alice, tls13(endpoint)).block(WAIT);
        latches.confirm(alice, endpoint).block(WAIT);
    }

    private void expectViolation(LatchService service, Account account, SessionSecurity s, LatchProperty property,
            boolean blocks) {
        service.admit(account, s).as(StepVerifier::create)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(LatchViolationException.class);
                    LatchViolationException v = (LatchViolationException) e;
                    assertThat(v.findings()).extracting(LatchFinding::property).contains(property);
                    assertThat(v.blocksWeakerCandidates()).isEqualTo(blocks);
                    assertThat(v.endpoint()).isEqualTo(s.endpoint());
                    assertThat(v.getMessage()).contains("nothing was sent");
                })
                .verify(WAIT);
    }

    @Test
    @DisplayName("LAT-01: a default account refuses a cleartext session and a pinned (self-signed) one")
    void defaultLevelOne() {
        expectViolation(latches, alice, Sessions.cleartext(IMAPS), LatchProperty.MINIMUM_LEVEL, true);
        expectViolation(latches, alice, session(IMAPS, "TLSv1.3", Sessions.TLS13, AuthenticationMethod.PINNED,
                List.of()), LatchProperty.MINIMUM_LEVEL, true);
        assertThat(recorder.of(LatchEvent.Violated.class)).hasSize(2);
    }

    @Test
    @DisplayName("LAT-02: a default account refuses a session below TLS 1.2")
    void defaultTlsFloor() {
        expectViolation(latches, alice, pkix(IMAPS, "TLSv1.1", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
                LatchProperty.MINIMUM_LEVEL, true);
    }

    @Test
    @DisplayName("LAT-07: breaking a NORMAL latch aborts with a typed event and closes weaker candidates")
    void normalViolation() {
        latchNormal(IMAPS);
        SessionSecurity daneOnly = session(IMAPS, "TLSv1.3", Sessions.TLS13, AuthenticationMethod.DANE_EE, List.of());
        expectViolation(latches, alice, daneOnly, LatchProperty.CERT_PKIX, true);
        assertThat(recorder.of(LatchEvent.Violated.class)).singleElement().satisfies(v -> {
            assertThat(v.blocksWeakerCandidates()).isTrue();
            assertThat(v.findings()).extracting(LatchFinding::latched).containsOnly(TagState.NORMAL);
        });
    }

    @Test
    @DisplayName("LAT-07: with TLS 1.3 latched NORMAL (raised ceiling), a TLS 1.2 session is refused")
    void normalVersionViolation() {
        LatchService high = latches.policy(LatchPolicy.builder()
                .versionCeiling(io.deepmail.core.tls.TlsVersion.TLS_1_3).build());
        high.admit(alice, tls13(IMAPS)).block(WAIT);
        high.confirm(alice, IMAPS).block(WAIT);
        expectViolation(high, alice, pkix(IMAPS, "TLSv1.2", ECDHE), LatchProperty.TLS_VERSION, true);
    }

    @Test
    @DisplayName("LAT-08: a PROVISIONAL violation aborts by default")
    void provisionalAbortsByDefault() {
        latches.admit(alice, tls13(IMAPS)).block(WAIT);
        expectViolation(latches, alice, session(IMAPS, "TLSv1.3", Sessions.TLS13, AuthenticationMethod.DANE_EE,
                List.of()), LatchProperty.CERT_PKIX, true);
    }

    @Test
    @DisplayName("LAT-08: in warn mode the session halts and resumes only after acceptOnce(), which is single-use")
    void warnModeAcceptOnce() {
        LatchService warn = latches.policy(LatchPolicy.builder().warnOnProvisional(true).build());
        warn.admit(alice, tls13(IMAPS)).block(WAIT);
        SessionSecurity dane = session(IMAPS, "TLSv1.3", Sessions.TLS13, AuthenticationMethod.DANE_EE, List.of());
        warn.admit(alice, dane).as(StepVerifier::create)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(200))
                .then(() -> assertThat(recorder.of(PendingViolation.class)).singleElement()
                        .satisfies(p -> assertThat(p.acceptOnce()).isTrue()))
                .expectNextCount(1)
                .expectComplete()
                .verify(WAIT);
        assertThat(recorder.of(PendingViolation.class).get(0).acceptOnce()).as("already decided").isFalse();
        assertThat(recorder.of(LatchEvent.Warned.class)).hasSize(1);
        assertThat(latches.state(alice).block(WAIT).endpoint(IMAPS).state(SecurityTag.CERT_DANE))
                .as("an accepted session records nothing").isEqualTo(TagState.NONE);
        // The next session is judged afresh: rejected this time.
        recorder.onPending(PendingViolation::reject);
        expectViolation(warn, alice, dane, LatchProperty.CERT_PKIX, false);
    }

    @Test
    @DisplayName("LAT-08: without a decision the pending session is refused after the accept timeout (virtual time)")
    void warnModeTimesOut() {
        LatchService warn = latches.policy(LatchPolicy.builder().warnOnProvisional(true)
                .acceptTimeout(Duration.ofMinutes(5)).build());
        warn.admit(alice, tls13(IMAPS)).block(WAIT);
        SessionSecurity dane = session(IMAPS, "TLSv1.3", Sessions.TLS13, AuthenticationMethod.DANE_EE, List.of());
        StepVerifier.withVirtualTime(() -> warn.admit(alice, dane))
                .expectSubscription()
                .thenAwait(Duration.ofMinutes(5))
                .expectError(LatchViolationException.class)
                .verify(WAIT);
    }

    @Test
    @DisplayName("LAT-09: a server that moves to static RSA only warns while PFS is PROVISIONAL; a NORMAL PFS latch aborts")
    void pfs() {
        latches.admit(alice, pkix(IMAPS, "TLSv1.2", ECDHE)).block(WAIT);
        latches.admit(alice, pkix(IMAPS, "TLSv1.2", STATIC_RSA)).as(StepVerifier::create)
                .assertNext(e -> assertThat(e.verdict()).isEqualTo(LatchEvaluation.Verdict.WARN))
                .expectComplete().verify(WAIT);
        assertThat(recorder.of(LatchEvent.Warned.class)).singleElement().satisfies(w ->
                assertThat(w.findings()).extracting(LatchFinding::property).containsExactly(LatchProperty.PFS));
        latches.confirm(alice, IMAPS, Set.of(SecurityTag.PFS)).block(WAIT);
        expectViolation(latches, alice, pkix(IMAPS, "TLSv1.2", STATIC_RSA), LatchProperty.PFS, true);
    }

    @Test
    @DisplayName("LAT-13: with an IMAP certificate latch NORMAL, a Submission endpoint without a valid certificate is refused")
    void accountWide() {
        latchNormal(IMAPS);
        expectViolation(latches, alice, session(SUBMISSIONS, "TLSv1.3", Sessions.TLS13, AuthenticationMethod.PINNED,
                List.of()), LatchProperty.ACCOUNT_CERTIFICATE, true);
    }

    @Test
    @DisplayName("LAT-19: after SRV re-resolution a new host without a valid certificate is refused (account floor)")
    void newEndpointInheritsFloor() {
        latchNormal(IMAPS);
        Endpoint moved = Endpoint.of(MailProtocol.IMAP, "imap-new.example.test", TransportMode.IMPLICIT);
        Account levelZeroAlice = Sessions.levelZero("alice@example.test");
        expectViolation(latches, levelZeroAlice, session(moved, "TLSv1.3", Sessions.TLS13,
                AuthenticationMethod.PINNED, List.of()), LatchProperty.ACCOUNT_CERTIFICATE, true);
        latches.admit(alice, tls13(moved)).as(StepVerifier::create).expectNextCount(1).expectComplete().verify(WAIT);
    }

    @Test
    @DisplayName("LAT-14: a Submission violation does not stop a compliant IMAP session")
    void protocolsIndependent() {
        Endpoint submission587 = Endpoint.of(MailProtocol.SUBMISSION, "mail.example.test", TransportMode.STARTTLS);
        latches.admit(alice, pkix(submission587, "TLSv1.3", Sessions.TLS13)).block(WAIT);
        latches.admit(alice, tls13(IMAPS)).block(WAIT);
        expectViolation(latches, alice, session(submission587, "TLSv1.3", Sessions.TLS13, AuthenticationMethod.DANE_EE,
                List.of()), LatchProperty.CERT_PKIX, true);
        latches.admit(alice, tls13(IMAPS)).as(StepVerifier::create).expectNextCount(1).expectComplete().verify(WAIT);
    }

    @Test
    @DisplayName("LAT-15/LAT-16: a level-0 account takes TLS, keeps learning, and a validated session emits UpgradeAvailable")
    void levelZeroUpgrade() {
        Account bob = Sessions.levelZero("bob@example.test");
        latches.admit(bob, tls13(IMAPS)).as(StepVerifier::create)
                .assertNext(e -> assertThat(e.upgradeAvailable()).isTrue()).expectComplete().verify(WAIT);
        assertThat(recorder.of(LatchEvent.UpgradeAvailable.class)).singleElement()
                .satisfies(u -> assertThat(u.account()).isEqualTo("bob@example.test"));
        assertThat(latches.state(bob).block(WAIT).endpoint(IMAPS).state(SecurityTag.TLS)).isEqualTo(TagState.PROVISIONAL);
        latches.admit(alice, tls13(IMAPS)).block(WAIT);
        assertThat(recorder.of(LatchEvent.UpgradeAvailable.class)).as("only for level 0").hasSize(1);
    }

    @Test
    @DisplayName("LAT-17: a new certificate from the same CA that still validates causes no event")
    void rotationIsNoViolation() {
        Credential first = CA.leaf().dns("mail.example.test").issue();
        Credential second = CA.leaf().dns("mail.example.test").issue();
        latches.admit(alice, session(IMAPS, "TLSv1.3", Sessions.TLS13, AuthenticationMethod.PKIX, first.chain()))
                .block(WAIT);
        latches.confirm(alice, IMAPS).block(WAIT);
        recorder.events.clear();
        latches.admit(alice, session(IMAPS, "TLSv1.3", Sessions.TLS13, AuthenticationMethod.PKIX, second.chain()))
                .as(StepVerifier::create).expectNextCount(1).expectComplete().verify(WAIT);
        assertThat(recorder.events).noneMatch(e -> e instanceof LatchEvent.Violated || e instanceof LatchEvent.Warned
                || e instanceof PendingViolation);
    }

    @Test
    @DisplayName("LAT-12: a pin made at setup lets only that level-0 account through, never at level 1, and not after revocation")
    void pins() {
        Credential selfSigned = TestPki.unknownRoot().leaf().dns("mail.example.test").issue();
        SessionSecurity pinned = session(IMAPS, "TLSv1.3", Sessions.TLS13, AuthenticationMethod.PINNED,
                selfSigned.chain());
        Account a = Sessions.levelZero("a@example.test");
        Account b = Sessions.levelZero("b@example.test");
        Pin pin = latches.pinAtSetup(a, selfSigned.leaf()).block(WAIT);
        latches.admit(a, pinned).as(StepVerifier::create)
                .assertNext(e -> assertThat(e.upgradeAvailable()).as("a pin never gives level 1").isFalse())
                .expectComplete().verify(WAIT);
        expectViolation(latches, b, pinned, LatchProperty.PIN, true);
        expectViolation(latches, Account.builder("a@example.test").credentials(Sessions.noCredentials()).build(),
                pinned, LatchProperty.MINIMUM_LEVEL, true);
        latches.pinAtSetup(a, selfSigned.leaf()).as(StepVerifier::create)
                .expectError(IllegalStateException.class).verify(WAIT);
        latches.revokePin(a, pin.sha256()).block(WAIT);
        expectViolation(latches, a, pinned, LatchProperty.PIN, true);
        latches.reset(a, "test").block(WAIT);
        assertThat(latches.state(a).block(WAIT).pins().get(pin.sha256()).revoked()).as("a reset keeps revocations")
                .isTrue();
    }

    @Test
    @DisplayName("LAT-18: a failing store refuses a level-1 account with a typed error, and a level-0 one too")
    void failingStoreFailsClosed() {
        LatchStore broken = new LatchStore() {
            @Override
            public Mono<LatchState> load(String key) {
                return Mono.error(new IllegalStateException("disk on fire"));
            }

            @Override
            public Mono<LatchState> merge(String key, LatchState proposal) {
                return load(key);
            }

            @Override
            public Mono<Boolean> compareAndSet(String key, long expectedRevision, LatchState proposal) {
                return Mono.error(new IllegalStateException("disk on fire"));
            }
        };
        LatchService failing = recorder.wire(LatchService.create(broken));
        failing.admit(alice, tls13(IMAPS)).as(StepVerifier::create)
                .expectError(LatchStoreException.class).verify(WAIT);
        expectViolation(failing, alice, Sessions.cleartext(IMAPS), LatchProperty.MINIMUM_LEVEL, true);
        failing.admit(Sessions.levelZero("bob@example.test"), tls13(IMAPS)).as(StepVerifier::create)
                .expectError(LatchStoreException.class).verify(WAIT);
        assertThat(recorder.of(LatchEvent.StoreUnavailable.class)).hasSize(3);
    }
}
