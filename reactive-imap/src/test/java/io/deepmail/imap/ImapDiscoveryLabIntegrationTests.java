package io.deepmail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.ConnectOptions;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnsOptions;
import io.deepmail.core.latch.EndpointLatches;
import io.deepmail.core.latch.LatchService;
import io.deepmail.core.latch.LatchStores;
import io.deepmail.core.latch.TagState;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ImapClient#connect(Account)} with a DNS lookup: RFC 6186 discovery of {@code example.test}
 * through the lab's validating Unbound, then the race, TLS, DANE where TLSA is published, the latch
 * gate and AUTHENTICATE against the lab's Dovecot. No host is configured anywhere.
 */
@Tag("integration")
class ImapDiscoveryLabIntegrationTests {

    /**
     * The race's head start in the discovered-race test. Both endpoints are healthy, so Implicit
     * TLS must win; the default 250 ms head start makes that a question of how fast a loaded CI
     * machine finishes a cold handshake, which is not what this test is about (the race itself is
     * tested deterministically in the core's RaceUnitTests).
     */
    private static final Duration HEALTHY_HEAD_START = Duration.ofSeconds(5);


    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Duration WAIT = Duration.ofSeconds(20);

    private LabEnvironment env;
    private @Nullable DnsLookup dns;

    @BeforeEach
    void lookup() {
        env = LabEnvironment.require();
        dns = DnsLookup.create(RESOURCES.get(), DnsOptions.builder().resolvers(List.of(
                new InetSocketAddress(env.get("LAB_DNS_HOST"), env.port("LAB_DNS_PORT")))).build());
    }

    @AfterEach
    void dispose() {
        if (dns != null) { // null when the lab is absent and the test was skipped
            dns.dispose();
        }
    }

    private DnsLookup dnsLookup() {
        DnsLookup d = dns;
        if (d == null) {
            throw new IllegalStateException("no DNS lookup");
        }
        return d;
    }

    private Account alice() {
        return Account.builder(env.get("LAB_USER1")).credentials(CredentialsProvider.of(
                new Credentials.Password(env.get("LAB_USER1"), env.get("LAB_USER1_PASSWORD")))).build();
    }

    @Test
    @DisplayName("LAT-04: discovery of example.test with the lab CA trusted: an authenticated level-1 session on Implicit TLS (the _imaps port) from secure SRV, every tag it showed latched PROVISIONAL")
    void discoveredWithLabCa() throws Exception {
        MailTransport transport = MailTransport.create(RESOURCES.get()).tls(TlsOptions.builder()
                .trustAnchors(TrustAnchors.fromPem(env.path("LAB_CA_PEM"))).build());
        LatchService latches = LatchService.create(LatchStores.inMemory());
        Account account = alice();
        ImapSession session = ImapClient.create(transport).dns(dnsLookup()).latches(latches)
                .connectOptions(ConnectOptions.defaults().withHeadStart(HEALTHY_HEAD_START)).connect(account).block(WAIT);

        assertThat(session.state()).isEqualTo(ImapState.AUTHENTICATED);
        SessionSecurity security = session.security();
        assertThat(security.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
        assertThat(security.endpoint().mode()).isEqualTo(TransportMode.IMPLICIT);
        assertThat(security.endpoint().port()).as("the _imaps SRV port").isEqualTo(env.port("LAB_IMAPS_PORT"));
        assertThat(security.discoveryTrust()).isEqualTo(DiscoveryTrust.SRV_SECURE);
        assertThat(security.tags()).contains(SecurityTag.TLS, SecurityTag.IMPLICIT);
        assertThat(security.has(SecurityTag.CERT_PKIX) || security.has(SecurityTag.CERT_DANE)).isTrue();
        assertThat(session.list("", "INBOX", false).collectList().block(WAIT)).hasSize(1);
        session.logout().block(WAIT);

        EndpointLatches learned = latches.state(account).block(WAIT).endpoint(security.endpoint());
        assertThat(learned.state(SecurityTag.TLS)).isEqualTo(TagState.PROVISIONAL);
        assertThat(learned.state(SecurityTag.IMPLICIT)).isEqualTo(TagState.PROVISIONAL);
        for (SecurityTag tag : security.tags()) { // LAT-04: every tag the session showed is latched
            assertThat(learned.state(tag)).as(tag.toString()).isEqualTo(TagState.PROVISIONAL);
        }
    }

    @Test
    @DisplayName("DANE-EE: with no trusted CA at all, discovery plus TLSA still gives an authenticated CERT_DANE session")
    void discoveredWithDaneOnly() {
        MailTransport noCa = MailTransport.create(RESOURCES.get()).tls(TlsOptions.builder()
                .trustAnchors(TrustAnchors.of(TestPki.ec().certificate())).build());
        ImapSession session = ImapClient.create(noCa).dns(dnsLookup()).connect(alice()).block(WAIT);

        SessionSecurity security = session.security();
        assertThat(session.state()).isEqualTo(ImapState.AUTHENTICATED);
        assertThat(security.authentication()).isEqualTo(AuthenticationMethod.DANE_EE);
        assertThat(security.tags()).contains(SecurityTag.TLS, SecurityTag.CERT_DANE).doesNotContain(SecurityTag.CERT_PKIX);
        assertThat(security.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
        session.logout().block(WAIT);
    }
}
