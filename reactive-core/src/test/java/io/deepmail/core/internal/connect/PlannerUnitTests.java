package io.deepmail.core.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.Candidate;
import io.deepmail.core.discovery.ImplicitTlsPreference;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.tls.ReferenceIdentifiers;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlannerUnitTests {

    private static final CredentialsProvider CREDS = CredentialsProvider.of(new Credentials.Password("a", "b"));
    private static final Account LEVEL1 = Account.builder("a@example.test").credentials(CREDS).build();

    private static Candidate candidate(int port, TransportMode mode, int priority) {
        Endpoint e = new Endpoint(MailProtocol.IMAP, "mail.example.test", port, mode);
        return new Candidate(e, ReferenceIdentifiers.forManualHost(e.host()), DiscoveryTrust.SRV_SECURE, priority);
    }

    private static List<Integer> ports(List<Candidate> plan) {
        return plan.stream().map(c -> c.endpoint().port()).toList();
    }

    private static final Targets MIXED = new Targets(MailProtocol.IMAP, List.of(
            candidate(143, TransportMode.STARTTLS, 0),
            candidate(993, TransportMode.IMPLICIT, 0),
            candidate(1143, TransportMode.STARTTLS, 5),
            candidate(1993, TransportMode.IMPLICIT, 10),
            candidate(2143, TransportMode.PLAINTEXT, 0)));

    @Test
    @DisplayName("SRV-10: priority first; at equal priority Implicit TLS goes first")
    void priorityThenImplicit() {
        assertThat(ports(Planner.plan(LEVEL1, MIXED, ImplicitTlsPreference.AT_EQUAL_PRIORITY)))
                .containsExactly(993, 143, 1143, 1993);
    }

    @Test
    @DisplayName("SRV-10: the STRICT preference puts every Implicit-TLS candidate first")
    void strict() {
        assertThat(ports(Planner.plan(LEVEL1, MIXED, ImplicitTlsPreference.STRICT)))
                .containsExactly(993, 1993, 143, 1143);
    }

    @Test
    @DisplayName("SRV-05/EXT-05: cleartext candidates are dropped unless the account is level 0 with consent")
    void cleartextFiltered() {
        assertThat(ports(Planner.plan(LEVEL1, MIXED, ImplicitTlsPreference.AT_EQUAL_PRIORITY))).doesNotContain(2143);
        Account.Builder b = LEVEL1.mutate();
        b.lowerMinimumLevel(ConfidentialityLevel.NONE);
        Account levelZero = b.build();
        assertThat(ports(Planner.plan(levelZero, MIXED, ImplicitTlsPreference.AT_EQUAL_PRIORITY)))
                .as("LAT-15: level 0 without consent still never uses cleartext").doesNotContain(2143);
        Account consenting = levelZero.mutate().cleartextConsent(true).build();
        assertThat(ports(Planner.plan(consenting, MIXED, ImplicitTlsPreference.AT_EQUAL_PRIORITY)))
                .containsExactly(993, 143, 2143, 1143, 1993);
    }

    @Test
    @DisplayName("RFC 8305: address families alternate, IPv6 first, order kept within a family")
    void interleave() throws Exception {
        List<InetAddress> in = List.of(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("192.0.2.2"),
                InetAddress.getByName("2001:db8::1"), InetAddress.getByName("192.0.2.3"));
        assertThat(Planner.interleave(in)).extracting(InetAddress::getHostAddress)
                .containsExactly("2001:db8:0:0:0:0:0:1", "192.0.2.1", "192.0.2.2", "192.0.2.3");
    }
}
