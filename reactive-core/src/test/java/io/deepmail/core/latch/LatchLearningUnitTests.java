package io.deepmail.core.latch;

import static io.deepmail.core.latch.Sessions.ECDHE;
import static io.deepmail.core.latch.Sessions.IMAPS;
import static io.deepmail.core.latch.Sessions.SUBMISSIONS;
import static io.deepmail.core.latch.Sessions.WAIT;
import static io.deepmail.core.latch.Sessions.account;
import static io.deepmail.core.latch.Sessions.pkix;
import static io.deepmail.core.latch.Sessions.tls13;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.tls.TlsVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** How latches are learned and promoted: L3, L4, L5, L9, L16 and the advertisement adapter. */
class LatchLearningUnitTests {

    private final EventRecorder recorder = new EventRecorder();
    private final LatchService latches = recorder.wire(LatchService.create(LatchStores.inMemory()));
    private final Account alice = account();

    private LatchState state() {
        return latches.state(alice).block(WAIT);
    }

    @Test
    @DisplayName("LAT-04: after a compliant session the tags it showed read PROVISIONAL, TLS_VERSION up to the 1.2 ceiling")
    void compliantSessionLatchesProvisional() {
        latches.admit(alice, tls13(IMAPS)).as(StepVerifier::create).expectNextCount(1).expectComplete().verify(WAIT);
        EndpointLatches e = state().endpoint(IMAPS);
        for (SecurityTag tag : Set.of(SecurityTag.TLS, SecurityTag.IMPLICIT, SecurityTag.CERT_PKIX, SecurityTag.PFS)) {
            assertThat(e.state(tag)).as(tag.name()).isEqualTo(TagState.PROVISIONAL);
        }
        assertThat(e.state(SecurityTag.CERT_DANE)).isEqualTo(TagState.NONE);
        assertThat(e.latchedVersion(TagState.PROVISIONAL)).contains(TlsVersion.TLS_1_2);
        assertThat(e.latch(TlsVersion.TLS_1_3).state()).as("ceiling 1.2 (L3)").isEqualTo(TagState.NONE);
        assertThat(recorder.of(LatchEvent.Raised.class)).extracting(LatchEvent.Raised::value)
                .contains("TLS", "IMPLICIT", "CERT_PKIX", "PFS", "TLSv1.2");
        assertThat(recorder.metered).containsAll(recorder.events);
        assertThat(recorder.states).containsExactly("LATCHED");
    }

    @Test
    @DisplayName("LAT-04: a raised ceiling latches TLS 1.3")
    void ceilingIsConfigurable() {
        LatchService high = latches.policy(LatchPolicy.builder().versionCeiling(TlsVersion.TLS_1_3).build());
        high.admit(alice, tls13(IMAPS)).block(WAIT);
        assertThat(state().endpoint(IMAPS).latchedVersion(TagState.PROVISIONAL)).contains(TlsVersion.TLS_1_3);
    }

    @Test
    @DisplayName("LAT-05: confirmation promotes PROVISIONAL to NORMAL, but PFS only when named")
    void confirmation() {
        latches.admit(alice, tls13(IMAPS)).block(WAIT);
        latches.confirm(alice, IMAPS).block(WAIT);
        EndpointLatches e = state().endpoint(IMAPS);
        assertThat(e.state(SecurityTag.CERT_PKIX)).isEqualTo(TagState.NORMAL);
        assertThat(e.latchedVersion(TagState.NORMAL)).contains(TlsVersion.TLS_1_2);
        assertThat(e.state(SecurityTag.PFS)).isEqualTo(TagState.PROVISIONAL);
        assertThat(recorder.of(LatchEvent.Confirmed.class)).anySatisfy(c ->
                assertThat(c.source()).isEqualTo(LatchEvent.Source.CONFIRMATION));
        latches.confirm(alice, IMAPS, Set.of(SecurityTag.PFS)).block(WAIT);
        assertThat(state().endpoint(IMAPS).state(SecurityTag.PFS)).isEqualTo(TagState.NORMAL);
    }

    @Test
    @DisplayName("LAT-05/LAT-09: N sessions over T days promote to NORMAL on a virtual clock; PFS stays PROVISIONAL")
    void timeRule() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        LatchService timed = latches.policy(LatchPolicy.builder().clock(clock).build());
        for (int i = 0; i < 6; i++) {
            timed.admit(alice, tls13(IMAPS)).block(WAIT);
            assertThat(state().endpoint(IMAPS).state(SecurityTag.CERT_PKIX)).as("session " + i)
                    .isEqualTo(TagState.PROVISIONAL);
            now.set(now.get().plus(Duration.ofDays(1)));
        }
        timed.admit(alice, tls13(IMAPS)).block(WAIT); // 7th session, 6 days after the first
        assertThat(state().endpoint(IMAPS).state(SecurityTag.CERT_PKIX)).isEqualTo(TagState.PROVISIONAL);
        now.set(now.get().plus(Duration.ofDays(1)));
        timed.admit(alice, tls13(IMAPS)).block(WAIT); // 7 days after the first
        EndpointLatches e = state().endpoint(IMAPS);
        assertThat(e.state(SecurityTag.CERT_PKIX)).isEqualTo(TagState.NORMAL);
        assertThat(e.state(SecurityTag.TLS)).isEqualTo(TagState.NORMAL);
        assertThat(e.latchedVersion(TagState.NORMAL)).contains(TlsVersion.TLS_1_2);
        assertThat(e.state(SecurityTag.PFS)).as("L9: never through the time rule").isEqualTo(TagState.PROVISIONAL);
        assertThat(recorder.of(LatchEvent.Confirmed.class)).anySatisfy(c ->
                assertThat(c.source()).isEqualTo(LatchEvent.Source.TIME_RULE));
    }

    @Test
    @DisplayName("LAT-13/LAT-19: a NORMAL certificate latch on one endpoint becomes account-wide, and a new endpoint inherits it")
    void accountWideLatch() {
        latches.admit(alice, tls13(IMAPS)).block(WAIT);
        assertThat(state().accountCertificate()).isEqualTo(TagState.NONE);
        latches.confirm(alice, IMAPS).block(WAIT);
        assertThat(state().accountCertificate()).isEqualTo(TagState.NORMAL);
        Endpoint newHost = Endpoint.of(MailProtocol.IMAP, "imap2.example.test", TransportMode.IMPLICIT);
        assertThat(state().endpoint(newHost).isEmpty()).as("its own latches start empty").isTrue();
        assertThat(recorder.of(LatchEvent.Confirmed.class)).anySatisfy(c ->
                assertThat(c.property()).isEqualTo(LatchProperty.ACCOUNT_CERTIFICATE));
    }

    @Test
    @DisplayName("LAT-14: latches are kept per protocol; IMAP's do not become Submission's")
    void perProtocol() {
        latches.admit(alice, tls13(IMAPS)).block(WAIT);
        assertThat(state().endpoint(SUBMISSIONS).isEmpty()).isTrue();
    }

    private static PolicyAdvertisementParser parser(PolicyAdvertisement ad) {
        return new PolicyAdvertisementParser() {
            @Override
            public MailProtocol protocol() {
                return MailProtocol.IMAP;
            }

            @Override
            public java.util.Optional<PolicyAdvertisement> parse(AuthenticatedCapabilities capabilities) {
                return capabilities.lines().contains("X-DEEP-STATUS") ? java.util.Optional.of(ad)
                        : java.util.Optional.empty();
            }
        };
    }

    @Test
    @DisplayName("EXT-02: an advertisement before TLS is ignored; the same one after TLS and the identity check promotes to NORMAL")
    void advertisementOnlyAfterTls() {
        PolicyAdvertisement ad = new PolicyAdvertisement(Set.of(SecurityTag.TLS, SecurityTag.IMPLICIT,
                SecurityTag.CERT_PKIX, SecurityTag.PFS), TlsVersion.TLS_1_2);
        LatchService withParser = latches.advertisementParser(parser(ad));
        withParser.admit(alice, pkix(IMAPS, "TLSv1.2", ECDHE)).block(WAIT);
        withParser.applyAdvertisement(alice, java.util.Optional.empty(), IMAPS, java.util.List.of("X-DEEP-STATUS"))
                .block(WAIT);
        assertThat(state().endpoint(IMAPS).state(SecurityTag.CERT_PKIX)).isEqualTo(TagState.PROVISIONAL);
        assertThat(recorder.of(LatchEvent.AdvertisementIgnored.class)).hasSize(1);
        withParser.applyAdvertisement(alice, AuthenticatedCapabilities.of(pkix(IMAPS, "TLSv1.2", ECDHE),
                java.util.List.of("X-DEEP-STATUS"))).block(WAIT);
        EndpointLatches e = state().endpoint(IMAPS);
        assertThat(e.state(SecurityTag.CERT_PKIX)).isEqualTo(TagState.NORMAL);
        assertThat(e.latchedVersion(TagState.NORMAL)).contains(TlsVersion.TLS_1_2);
        assertThat(e.state(SecurityTag.PFS)).as("PFS only by explicit confirmation (L9)").isEqualTo(TagState.PROVISIONAL);
        assertThat(recorder.of(LatchEvent.Confirmed.class)).allSatisfy(c ->
                assertThat(c.source()).isIn(LatchEvent.Source.ADVERTISEMENT, LatchEvent.Source.ACCOUNT_WIDE));
    }

    @Test
    @DisplayName("EXT-02: capability data of an unauthenticated session cannot even be wrapped for a parser")
    void noCapabilitiesWithoutVerifiedServer() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
                AuthenticatedCapabilities.of(Sessions.session(IMAPS, "TLSv1.3", Sessions.TLS13,
                        io.deepmail.core.security.AuthenticationMethod.PINNED, java.util.List.of()),
                        java.util.List.of("X-DEEP-STATUS")));
    }

    @Test
    @DisplayName("EXT-06: an advertisement asking for less than the latches is a no-op and is logged")
    void advertisementForLessIsIgnored() {
        latches.admit(alice, tls13(IMAPS)).block(WAIT);
        latches.confirm(alice, IMAPS).block(WAIT);
        LatchState before = state();
        LatchService lower = latches.advertisementParser(parser(new PolicyAdvertisement(Set.of(SecurityTag.TLS), null)));
        String log = LogCapture.stderr(() -> lower.applyAdvertisement(alice,
                AuthenticatedCapabilities.of(tls13(IMAPS), java.util.List.of("X-DEEP-STATUS"))).block(WAIT));
        assertThat(state()).isEqualTo(before);
        assertThat(recorder.of(LatchEvent.AdvertisementIgnored.class)).isNotEmpty()
                .allSatisfy(i -> assertThat(i.reason()).startsWith("asks for less"));
        assertThat(log).contains("io.deepmail.latch").contains("asks for less");
    }

    @Test
    @DisplayName("EXT-01: without an installed parser, capability data changes nothing and nothing is required")
    void noParserByDefault() {
        latches.admit(alice, tls13(IMAPS)).block(WAIT);
        LatchState before = state();
        latches.applyAdvertisement(alice, AuthenticatedCapabilities.of(tls13(IMAPS),
                java.util.List.of("X-DEEP-STATUS"))).block(WAIT);
        assertThat(state()).isEqualTo(before);
        assertThat(recorder.of(LatchEvent.AdvertisementIgnored.class)).isEmpty();
    }
}
