package io.deepmail.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.CertificateIdentityException;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.Candidate;
import io.deepmail.core.connect.CandidatesExhaustedException;
import io.deepmail.core.connect.MailConnector;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.discovery.AccountDiscovery;
import io.deepmail.core.discovery.DiscoveryCandidate;
import io.deepmail.core.discovery.DiscoveryResult;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnsOptions;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.tls.TlsProviderPreference;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * An unsigned SRV answer pointing outside the user's domain (the lab's {@code offsite.insecure.test},
 * whose targets are {@code mail.example.test}): discovery asks for confirmation, the target is not a
 * reference identifier until then, and a confirmed target is (SRV-07, ID-08, REQUIREMENTS §6.1).
 */
class OffDomainDiscoveryIntegrationTests {

    private static MailResources resources;

    @BeforeAll
    static void start() {
        resources = MailResources.create();
    }

    @AfterAll
    static void stop() {
        resources.disposeLater().block(Lab.WAIT);
    }

    @Test
    @DisplayName("SRV-07/ID-08: an insecure off-domain target needs confirmation and is refused until confirmed")
    void offDomainNeedsConfirmation() {
        Lab lab = Lab.require();
        String domain = lab.env().get("LAB_DOMAIN_INSECURE_OFFSITE");
        DnsLookup dns = DnsLookup.create(resources, DnsOptions.builder().resolvers(List.of(new InetSocketAddress(
                lab.env().get("LAB_DNS_HOST"), lab.env().port("LAB_DNS_PORT")))).build());
        try {
            Account account = Account.builder("alice@" + domain)
                    .credentials(CredentialsProvider.of(new Credentials.Password("unused", "unused"))).build();
            DiscoveryResult result = AccountDiscovery.create(dns).discover(account.address()).block(Lab.WAIT);
            assertThat(result.needsConfirmation()).isTrue();
            assertThat(result.candidates(MailProtocol.IMAP)).isNotEmpty().allSatisfy(c -> {
                assertThat(c.trust()).isEqualTo(DiscoveryTrust.SRV_INSECURE);
                assertThat(c.needsConfirmation()).isTrue();
            });
            MailConnector connector = MailConnector.create(lab.transport(resources, TlsProviderPreference.AUTO))
                    .dns(dns);

            connector.connect(account, Targets.discovered(result, MailProtocol.IMAP), new LabDialect(Dialect.IMAP))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(((CandidatesExhaustedException) e).failures())
                            .isNotEmpty()
                            .allSatisfy(f -> assertThat(f.reason()).isInstanceOf(CertificateIdentityException.class)))
                    .verify(Lab.WAIT);

            Targets confirmed = new Targets(MailProtocol.IMAP, result.candidates(MailProtocol.IMAP).stream()
                    .map(DiscoveryCandidate::confirmed)
                    .map(c -> new Candidate(c.endpoint(), c.referenceIdentifiers(), c.trust(), c.priority()))
                    .toList());
            LineSession session = connector.connect(account, confirmed, new LabDialect(Dialect.IMAP)).block(Lab.WAIT);
            assertThat(session.connection().security().orElseThrow().level()).isEqualTo(ConfidentialityLevel.VERIFIED);
            session.quit().block(Lab.WAIT);
        } finally {
            dns.dispose();
        }
    }
}
