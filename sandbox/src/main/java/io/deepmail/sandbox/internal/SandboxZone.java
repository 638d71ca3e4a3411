package io.deepmail.sandbox.internal;

import io.deepmail.core.Endpoint;
import io.deepmail.core.TransportMode;
import io.deepmail.core.discovery.ServiceLabel;
import io.deepmail.core.testkit.TestDnsAnswer;
import io.deepmail.core.testkit.TestDnsRdata;
import io.deepmail.core.testkit.TestDnsServer;
import io.deepmail.core.testkit.Tlsa;
import io.deepmail.sandbox.SandboxFault;
import io.netty.handler.codec.dns.DnsRecordType;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * The sandbox's DNS zone, every answer marked secure (AD set): one RFC 6186 SRV record per label
 * with the server's real, ephemeral port, the target's A record (127.0.0.1) and a secure denial for
 * AAAA, and TLSA {@code 3 1 1} (DANE-EE, SubjectPublicKeyInfo, SHA-256) of the servers' key for the
 * Implicit TLS endpoints. The STARTTLS endpoints get a secure denial for TLSA, so PKIX and the
 * RFC 7817 name check authenticate them. A {@link SandboxFault} bends exactly one of these.
 */
public final class SandboxZone {

    /** The SRV target under {@link SandboxFault#IDENTITY_MISMATCH}: a name the certificate does not carry. */
    public static final String IMPOSTER_HOST = "imposter." + SandboxCredential.DOMAIN;

    private SandboxZone() {
    }

    /**
     * The host the SRV records point at.
     *
     * @param fault the sandbox's fault
     * @return the target host
     */
    public static String target(SandboxFault fault) {
        return fault == SandboxFault.IDENTITY_MISMATCH ? IMPOSTER_HOST : SandboxCredential.HOST;
    }

    /**
     * Publishes the zone.
     *
     * @param dns the DNS server
     * @param endpoints the endpoint behind each SRV label
     * @param leaf the servers' certificate
     * @param other a certificate the servers do not hold, for {@link SandboxFault#DANE_MISMATCH}
     * @param fault the fault
     */
    public static void publish(TestDnsServer dns, Map<ServiceLabel, Endpoint> endpoints, X509Certificate leaf,
            X509Certificate other, SandboxFault fault) {
        String domain = SandboxCredential.DOMAIN;
        String host = target(fault);
        dns.answer(host, DnsRecordType.A, TestDnsAnswer.of(TestDnsRdata.address("127.0.0.1")).authenticated());
        dns.answer(host, DnsRecordType.AAAA, TestDnsAnswer.nodata().authenticated());
        endpoints.forEach((label, endpoint) -> {
            dns.answer(label.ownerName(domain), DnsRecordType.SRV,
                    TestDnsAnswer.of(TestDnsRdata.srv(0, 1, endpoint.port(), host)).authenticated());
            String tlsaName = "_" + endpoint.port() + "._tcp." + host;
            boolean dane = endpoint.mode() == TransportMode.IMPLICIT && fault != SandboxFault.IDENTITY_MISMATCH;
            if (dane) {
                X509Certificate named = fault == SandboxFault.DANE_MISMATCH ? other : leaf;
                dns.answer(tlsaName, DnsRecordType.TLSA, TestDnsAnswer.of(
                        TestDnsRdata.tlsa(3, 1, 1, Tlsa.data(1, 1, named))).authenticated());
            } else {
                dns.answer(tlsaName, DnsRecordType.TLSA, TestDnsAnswer.nxdomain().authenticated());
            }
        });
    }
}
