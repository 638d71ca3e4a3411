package io.deepmail.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnsOptions;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.dns.SrvRecord;
import io.deepmail.core.dns.TlsaRecord;
import io.deepmail.core.latch.LatchState;
import io.deepmail.sandbox.internal.SandboxCredential;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's DNS zone, as the client's own DNS lookup reads it, and its lifecycle. */
class SandboxUnitTests {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static MailResources resources;

    @BeforeAll
    static void resources() {
        resources = MailResources.create();
    }

    @AfterAll
    static void dispose() {
        resources.disposeLater().block(WAIT);
    }

    private static DnsLookup lookup(Sandbox sandbox) {
        return DnsLookup.create(resources, DnsOptions.builder().resolvers(List.of(sandbox.dnsServer())).build());
    }

    @Test
    @DisplayName("SRV-01, DANE-11: each RFC 6186 label answers SECURE with the server's real port; TLSA 3 1 1 names "
            + "the key of the Implicit TLS servers, and STARTTLS endpoints have a secure denial")
    void zone(@TempDir Path dir) throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withLatchDirectory(dir))) {
            DnsLookup dns = lookup(sandbox);
            try {
                for (Endpoint e : sandbox.endpoints()) {
                    String label = "_" + e.protocol().serviceName(e.mode()) + "._tcp." + sandbox.domain();
                    DnsAnswer<SrvRecord> srv = dns.srv(label).block(WAIT);
                    assertThat(srv.status()).as(label).isEqualTo(DnssecStatus.SECURE);
                    assertThat(srv.records()).as(label).containsExactly(new SrvRecord(0, 1, e.port(), e.host()));
                    DnsAnswer<TlsaRecord> tlsa = dns.tlsa("_" + e.port() + "._tcp." + e.host()).block(WAIT);
                    assertThat(tlsa.status()).isEqualTo(DnssecStatus.SECURE);
                    if (e.mode() == TransportMode.IMPLICIT) {
                        assertThat(tlsa.records()).hasSize(1);
                        TlsaRecord r = tlsa.records().get(0);
                        assertThat(List.of(r.usage(), r.selector(), r.matchingType())).containsExactly(3, 1, 1);
                        assertThat(r.data()).isEqualTo(spkiSha256());
                    } else {
                        assertThat(tlsa.records()).isEmpty();
                    }
                }
                assertThat(dns.addresses("mail.sandbox.test").block(WAIT)
                        .records()).extracting(a -> a.getHostAddress()).containsExactly("127.0.0.1");
            } finally {
                dns.dispose();
            }
            assertThat(sandbox.latchStore().load(sandbox.user()).block(WAIT)).isEqualTo(LatchState.EMPTY);
            assertThat(sandbox.strippingEndpoint().mode()).isEqualTo(TransportMode.STARTTLS);
            assertThat(sandbox.endpoints()).doesNotContain(sandbox.strippingEndpoint());
        }
        assertThat(dir.resolve("latches.db")).exists();
    }

    @Test
    @DisplayName("IDENTITY_MISMATCH points the SRV records at a name the certificate does not carry")
    void identityFault() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withFault(SandboxFault.IDENTITY_MISMATCH))) {
            assertThat(sandbox.endpoint(MailProtocol.IMAP, TransportMode.IMPLICIT).host())
                    .isEqualTo("imposter.sandbox.test");
        }
    }

    private static byte[] spkiSha256() throws Exception {
        return MessageDigest.getInstance("SHA-256")
                .digest(SandboxCredential.get().credential().leaf().getPublicKey().getEncoded());
    }
}
