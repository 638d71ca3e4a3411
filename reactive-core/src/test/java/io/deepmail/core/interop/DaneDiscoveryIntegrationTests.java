package io.deepmail.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.MailConnector;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.discovery.AccountDiscovery;
import io.deepmail.core.discovery.DiscoveryResult;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnsOptions;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole path with real DNS: RFC 6186 discovery through the lab's validating Unbound, secure
 * address records, TLSA looked up at {@code _<port>._tcp.<target>}, and DANE-EE authenticating the
 * lab's servers while the client trusts no lab CA at all (DANE-01, DANE-05, DANE-12, SRV-01).
 */
class DaneDiscoveryIntegrationTests {

    private static MailResources resources;

    @BeforeAll
    static void start() {
        resources = MailResources.create();
    }

    @AfterAll
    static void stop() {
        resources.disposeLater().block(Lab.WAIT);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Dialect.class, names = {"IMAP", "POP3", "SUBMISSION"})
    @DisplayName("DANE-05/DANE-12: discovery plus TLSA 3 1 1 gives a level-1 CERT_DANE session without any trusted CA")
    void discoveredAndDaneAuthenticated(Dialect dialect) {
        LabEnvironment env = LabEnvironment.require();
        DnsLookup dns = DnsLookup.create(resources, DnsOptions.builder().resolvers(List.of(
                new InetSocketAddress(env.get("LAB_DNS_HOST"), env.port("LAB_DNS_PORT")))).build());
        try {
            Account account = Account.builder(env.get("LAB_USER1"))
                    .credentials(CredentialsProvider.of(new Credentials.Password("unused", "unused"))).build();
            DiscoveryResult discovered = AccountDiscovery.create(dns).discover(account.address()).block(Lab.WAIT);
            MailProtocol protocol = dialect.protocol();
            assertThat(discovered.candidates(protocol)).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.trust()).isEqualTo(DiscoveryTrust.SRV_SECURE));

            MailTransport noCa = MailTransport.create(resources).tls(TlsOptions.builder()
                    .trustAnchors(TrustAnchors.of(TestPki.ec().certificate())).build());
            LineSession session = MailConnector.create(noCa).dns(dns)
                    .connect(account, Targets.discovered(discovered, protocol), new LabDialect(dialect))
                    .block(Lab.WAIT);

            SessionSecurity security = session.connection().security().orElseThrow();
            assertThat(security.authentication()).isEqualTo(AuthenticationMethod.DANE_EE);
            assertThat(security.tags()).contains(SecurityTag.TLS, SecurityTag.CERT_DANE);
            assertThat(security.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
            assertThat(security.discoveryTrust()).isEqualTo(DiscoveryTrust.SRV_SECURE);
            session.quit().block(Lab.WAIT);
        } finally {
            dns.dispose();
        }
    }
}
