package io.deepmail.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.DaneVerificationException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnsOptions;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.dns.TlsaRecord;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Tlsa;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.ConnectRequest;
import io.deepmail.core.transport.ExchangeEngine;
import io.deepmail.core.transport.MailTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The recorder against the interop lab's Dovecot and Unbound: the meters carry what real servers
 * negotiated, and DNSSEC and DANE outcomes from a real validating resolver. Skipped without a
 * running lab (a failure under {@code DEEPMAIL_LAB_REQUIRED=1}).
 */
@Tag("integration")
class LabMetricsIntegrationTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String HOST = "mail.example.test";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMailClientMetricsRecorder recorder = MicrometerMailClientMetricsRecorder.create(registry);
    private LabEnvironment lab;
    private MailTransport transport;

    @BeforeEach
    void requireLab() {
        lab = LabEnvironment.require();
        transport = recorder.instrument(MailTransport.create(RESOURCES.get()).tls(TlsOptions.builder()
                .trustAnchors(TrustAnchors.fromPem(lab.path("LAB_CA_PEM"))).build()));
    }

    private ConnectRequest request(String portKey, TransportMode mode) {
        int port = lab.port(portKey);
        return ConnectRequest.manual(new Endpoint(MailProtocol.IMAP, HOST, port, mode))
                .withAddress(new InetSocketAddress(lab.get("LAB_IP4"), port));
    }

    /** Greeting, STARTTLS for a STARTTLS endpoint, LOGOUT; returns the security record. */
    private Mono<SessionSecurity> session(ConnectRequest request) {
        return transport.connect(request).flatMap(connection -> {
            ExchangeEngine<String, String> engine = Fixture.lineEngine(connection);
            Mono<?> secured = Fixture.greeting(engine).then();
            if (request.endpoint().mode() == TransportMode.STARTTLS) {
                secured = secured.then(connection.startTls(engine, "a1 STARTTLS\r\n", l -> l.startsWith("a1 "),
                        l -> l.startsWith("a1 OK")));
            }
            return secured.then(engine.exchange("a2 LOGOUT\r\n", l -> l.startsWith("a2 ")).then())
                    .then(Mono.fromSupplier(() -> connection.security().orElseThrow()))
                    .flatMap(s -> connection.close().thenReturn(s));
        });
    }

    private double connections(SessionSecurity s) {
        var counter = registry.find(MailMeterNames.CONNECTIONS).tag("outcome", "established")
                .tag("mode", TagValues.lower(s.endpoint().mode())).tag("tls.version", s.tlsVersion())
                .tag("cipher", s.cipherSuite()).tag("auth.method", "pkix").tag("level", "1").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    @DisplayName("Dovecot over Implicit TLS, STARTTLS and TLS 1.3 only: connections tagged with what was negotiated")
    void realServers() throws Exception {
        SessionSecurity implicit = session(request("LAB_IMAPS_PORT", TransportMode.IMPLICIT)).block(WAIT);
        SessionSecurity startTls = session(request("LAB_IMAP_PORT", TransportMode.STARTTLS)).block(WAIT);
        SessionSecurity tls13 = session(request("LAB_TLS13_IMAPS_PORT", TransportMode.IMPLICIT)).block(WAIT);
        assertThat(tls13.tlsVersion()).isEqualTo("TLSv1.3");
        for (SessionSecurity s : List.of(implicit, startTls, tls13)) {
            assertThat(connections(s)).as("%s", s.logLine()).isPositive();
        }
        assertThat(registry.get(MailMeterNames.CONNECTIONS).tag("outcome", "established").counters().stream()
                .mapToDouble(c -> c.count()).sum()).isEqualTo(3);
        assertThat(registry.get(MailMeterNames.SECURITY_TAGS).tag("tag", "implicit").counter().count()).isEqualTo(2);
        assertThat(registry.get(MailMeterNames.TLS_HANDSHAKE_DURATION).timers().stream()
                .mapToLong(t -> t.count()).sum()).isEqualTo(3);
        Fixture.await("every session to close", () -> registry.get(MailMeterNames.SESSIONS_OPEN).gauge().value() == 0);
    }

    @Test
    @DisplayName("Unbound: secure, insecure and bogus zones count under their DNSSEC status")
    void dnssecStatuses() {
        DnsLookup dns = DnsLookup.create(RESOURCES.get(), DnsOptions.builder().resolvers(List.of(
                new InetSocketAddress(lab.get("LAB_DNS_HOST"), lab.port("LAB_DNS_PORT")))).build(), recorder);
        try {
            for (String[] zone : new String[][] {{"LAB_DOMAIN", "SECURE"}, {"LAB_DOMAIN_INSECURE", "INSECURE"},
                    {"LAB_DOMAIN_BOGUS", "BOGUS"}}) {
                dns.srv("_imaps._tcp." + lab.get(zone[0])).map(DnsAnswer::status).as(StepVerifier::create)
                        .expectNext(DnssecStatus.valueOf(zone[1])).expectComplete().verify(WAIT);
            }
        } finally {
            dns.dispose();
        }
        assertThat(registry.get(MailMeterNames.DNS_LOOKUP_DURATION).tag("type", "SRV").timers())
                .extracting(t -> t.getId().getTag("status") + "/" + t.getId().getTag("outcome"))
                .containsExactlyInAnyOrder("secure/data", "insecure/data", "bogus/failed");
    }

    @Test
    @DisplayName("DANE: the lab's published TLSA authenticates Dovecot (dane_*), a wrong digest moves the failure counter")
    void dane() {
        ConnectRequest request = request("LAB_IMAPS_PORT", TransportMode.IMPLICIT);
        DnsLookup dns = DnsLookup.create(RESOURCES.get(), DnsOptions.builder().resolvers(List.of(
                new InetSocketAddress(lab.get("LAB_DNS_HOST"), lab.port("LAB_DNS_PORT")))).build(), recorder);
        String owner = "_" + request.endpoint().port() + "._tcp." + HOST;
        DnsAnswer<TlsaRecord> published;
        try {
            published = dns.tlsa(owner).block(WAIT);
        } finally {
            dns.dispose();
        }
        assertThat(published.status()).isEqualTo(DnssecStatus.SECURE);
        SessionSecurity s = session(request.withTlsa(published)).block(WAIT);
        assertThat(registry.get(MailMeterNames.DANE_VERIFICATIONS).tag("result", TagValues.lower(s.authentication()))
                .counter().count()).isEqualTo(1);

        DnsAnswer<TlsaRecord> wrong = Tlsa.secure(owner, Tlsa.hex(3, 1, 1, lab.get("LAB_TLSA_WRONG_SHA256")));
        session(request.withTlsa(wrong)).as(StepVerifier::create).expectError(DaneVerificationException.class)
                .verify(WAIT);
        assertThat(registry.get(MailMeterNames.DANE_VERIFICATIONS).tag("result", "failed").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(MailMeterNames.DNS_LOOKUP_DURATION).tag("type", "TLSA").tag("status", "secure")
                .timer().count()).isEqualTo(1);
    }
}
