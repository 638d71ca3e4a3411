package io.deepmail.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.ConnectionException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.LatchViolationException;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.StartTlsInjectionException;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.latch.LatchEvent;
import io.deepmail.core.latch.LatchFinding;
import io.deepmail.core.latch.LatchProperty;
import io.deepmail.core.latch.TagState;
import io.deepmail.core.metrics.AttemptOutcome;
import io.deepmail.core.security.AuthenticationMethod;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The recorder's meters and bounded tag values, fed through the SPI directly. */
class RecorderUnitTests {

    private static final Endpoint IMAPS = Endpoint.of(MailProtocol.IMAP, "imap.example.test", TransportMode.IMPLICIT);
    private static final Endpoint SUBMISSION = Endpoint.of(MailProtocol.SUBMISSION, "smtp.example.test",
            TransportMode.STARTTLS);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMailClientMetricsRecorder recorder = MicrometerMailClientMetricsRecorder.create(registry);

    @Test
    @DisplayName("an established session counts one connection with its version, cipher, method, level, and one count per tag")
    void sessionSecurity() {
        recorder.recordSessionSecurity(Fixture.event(IMAPS, "TLSv1.3", "TLS_AES_256_GCM_SHA384",
                AuthenticationMethod.PKIX));
        assertThat(Fixture.meters(registry)).containsExactly(
                "mail.client.connections{auth.method=pkix,cipher=TLS_AES_256_GCM_SHA384,level=1,mode=implicit,"
                        + "outcome=established,protocol=imap,tls.version=TLSv1.3}",
                "mail.client.security.tags{mode=implicit,protocol=imap,tag=cert_pkix}",
                "mail.client.security.tags{mode=implicit,protocol=imap,tag=implicit}",
                "mail.client.security.tags{mode=implicit,protocol=imap,tag=pfs}",
                "mail.client.security.tags{mode=implicit,protocol=imap,tag=tls}");
    }

    @Test
    @DisplayName("a DANE-EE session counts a DANE outcome; a pinned one is level 0 with no certificate tag")
    void daneAndPinned() {
        recorder.recordSessionSecurity(Fixture.event(IMAPS, "TLSv1.3", "TLS_AES_128_GCM_SHA256",
                AuthenticationMethod.DANE_EE));
        recorder.recordSessionSecurity(Fixture.event(SUBMISSION, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                AuthenticationMethod.PINNED));
        assertThat(registry.get(MailMeterNames.DANE_VERIFICATIONS).tag("result", "dane_ee").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(MailMeterNames.CONNECTIONS).tag("protocol", "submission").tag("level", "0")
                .tag("auth.method", "pinned").tag("mode", "starttls").counter().count()).isEqualTo(1);
        assertThat(registry.find(MailMeterNames.SECURITY_TAGS).tag("protocol", "submission").tag("tag", "cert_pkix")
                .counter()).isNull();
    }

    @Test
    @DisplayName("meters are cached: the same key gives the same counter, and a thousand hosts add no meter")
    void noPerConnectionMeters() {
        for (int i = 0; i < 1_000; i++) {
            Endpoint e = Endpoint.of(MailProtocol.IMAP, "host" + i + ".example.test", TransportMode.IMPLICIT);
            recorder.recordConnectTime(e, Duration.ofMillis(i % 50), true);
            recorder.recordSessionSecurity(Fixture.event(e, "TLSv1.3", "TLS_AES_128_GCM_SHA256",
                    AuthenticationMethod.PKIX));
        }
        assertThat(registry.getMeters()).hasSize(6);
        Counter c = registry.get(MailMeterNames.CONNECTIONS).counter();
        assertThat(c.count()).isEqualTo(1_000);
        assertThat(registry.getMeters()).noneMatch(m -> m.getId().getTags().stream()
                .anyMatch(t -> t.getValue().contains("example.test")));
    }

    @Test
    @DisplayName("host tags appear only on connections and TLS failures, and only when opted in")
    void hostTagsOptIn() {
        SimpleMeterRegistry r = new SimpleMeterRegistry();
        var withHosts = MicrometerMailClientMetricsRecorder.create(r,
                MailMetricsOptions.builder().hostTags(true).build());
        withHosts.recordSessionSecurity(Fixture.event(IMAPS, "TLSv1.3", "TLS_AES_128_GCM_SHA256",
                AuthenticationMethod.PKIX));
        withHosts.recordTlsFailure(IMAPS, new TlsPolicyException("no", null));
        withHosts.recordConnectTime(IMAPS, Duration.ofMillis(1), true);
        assertThat(r.get(MailMeterNames.CONNECTIONS).tag("host", "imap.example.test").tag("outcome", "established")
                .counter().count()).isEqualTo(1);
        assertThat(r.get(MailMeterNames.TLS_FAILURES).tag("host", "imap.example.test").counter().count()).isEqualTo(1);
        assertThat(r.get(MailMeterNames.CONNECT_DURATION).timer().getId().getTag("host")).isNull();
    }

    @Test
    @DisplayName("TLS failures count by reason; STARTTLS injection and DANE failures also move their own counters")
    void tlsFailures() {
        recorder.recordTlsFailure(SUBMISSION, new StartTlsInjectionException("12 bytes"));
        recorder.recordTlsFailure(IMAPS, new MailTimeoutException("handshake", Duration.ofSeconds(1)));
        assertThat(registry.get(MailMeterNames.TLS_FAILURES).tag("reason", "StartTlsInjectionException").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get(MailMeterNames.STARTTLS_FAILURES).tag("reason", "injected").tag("protocol",
                "submission").counter().count()).isEqualTo(1);
        assertThat(registry.get(MailMeterNames.TLS_FAILURES).tag("reason", "MailTimeoutException").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(MailMeterNames.CONNECTIONS).tag("outcome", "tls_failed").counters())
                .extracting(c -> c.getId().getTag("tls.version")).containsOnly("none");
    }

    @Test
    @DisplayName("race attempts by outcome; failure reasons come from a fixed list, walking up to a known class")
    void attempts() {
        recorder.recordConnectAttempt(IMAPS, AttemptOutcome.WON, null);
        recorder.recordConnectAttempt(IMAPS, AttemptOutcome.FAILED, new LatchViolationException("a", IMAPS,
                List.of(new LatchFinding(LatchProperty.TLS, TagState.NORMAL, "TLS", "none",
                        LatchFinding.Severity.ABORT)),
                true));
        recorder.recordConnectAttempt(IMAPS, AttemptOutcome.FAILED, new RefusedException());
        recorder.recordConnectAttempt(IMAPS, AttemptOutcome.FAILED, new IllegalStateException("bug"));
        recorder.recordConnectAttempt(IMAPS, AttemptOutcome.FAILED, new TimeoutException());
        assertThat(registry.get(MailMeterNames.CONNECT_ATTEMPTS).counters())
                .extracting(c -> c.getId().getTag("outcome") + "/" + c.getId().getTag("reason"))
                .containsExactlyInAnyOrder("won/none", "failed/LatchViolationException", "failed/ConnectionException",
                        "failed/other", "failed/TimeoutException");
    }

    @Test
    @DisplayName("commands: known verbs per protocol, others fold into 'other'; SMTP codes by class")
    void commands() {
        recorder.recordCommand(MailProtocol.IMAP, "uid  fetch", "OK", Duration.ofMillis(2));
        recorder.recordCommand(MailProtocol.IMAP, "XAPPLEPUSHSERVICE", "NO", Duration.ofMillis(2));
        recorder.recordCommand(MailProtocol.SUBMISSION, "MAIL", "250", Duration.ofMillis(2));
        recorder.recordCommand(MailProtocol.POP3, "RETR", "-ERR", Duration.ofMillis(2));
        recorder.recordCommand(MailProtocol.POP3, "FETCH", "weird", Duration.ofMillis(2));
        assertThat(registry.get(MailMeterNames.COMMAND_DURATION).timers())
                .extracting(t -> t.getId().getTag("protocol") + " " + t.getId().getTag("verb") + " "
                        + t.getId().getTag("status"))
                .containsExactlyInAnyOrder("imap UID FETCH OK", "imap other NO", "submission MAIL 2xx",
                        "pop3 RETR -ERR", "pop3 other other");
    }

    @Test
    @DisplayName("DNS lookups by type, DNSSEC status and outcome")
    void dns() {
        recorder.recordDnsLookup("TLSA", DnssecStatus.BOGUS, DnsAnswer.Outcome.FAILED, Duration.ofMillis(4));
        recorder.recordDnsLookup("srv", DnssecStatus.SECURE, DnsAnswer.Outcome.DATA, Duration.ofMillis(4));
        recorder.recordDnsLookup("NAPTR", DnssecStatus.INSECURE, DnsAnswer.Outcome.NXDOMAIN, Duration.ofMillis(4));
        assertThat(registry.get(MailMeterNames.DNS_LOOKUP_DURATION).timers())
                .extracting(t -> t.getId().getTag("type") + " " + t.getId().getTag("status") + " "
                        + t.getId().getTag("outcome"))
                .containsExactlyInAnyOrder("TLSA bogus failed", "SRV secure data", "other insecure nxdomain");
    }

    @Test
    @DisplayName("latch events by kind; each finding of a violation by property, latch state and severity")
    void latchEvents() {
        recorder.recordLatchEvent(new LatchEvent.Raised("a", IMAPS, LatchProperty.CERT_PKIX, "CERT_PKIX"));
        recorder.recordLatchEvent(new LatchEvent.Confirmed("a", IMAPS, LatchProperty.TLS_VERSION, "TLSv1.3",
                LatchEvent.Source.TIME_RULE));
        recorder.recordLatchEvent(new LatchEvent.Violated("a", IMAPS, List.of(
                new LatchFinding(LatchProperty.TLS_VERSION, TagState.NORMAL, "TLSv1.3", "TLSv1.2",
                        LatchFinding.Severity.ABORT),
                new LatchFinding(LatchProperty.PFS, TagState.PROVISIONAL, "PFS", "none", LatchFinding.Severity.ABORT)),
                true));
        recorder.recordLatchEvent(new LatchEvent.UpgradeAvailable("a", IMAPS));
        assertThat(registry.get(MailMeterNames.LATCH_EVENTS).counters())
                .extracting(c -> c.getId().getTag("kind") + " " + c.getId().getTag("property") + " "
                        + c.getId().getTag("source"))
                .containsExactlyInAnyOrder("raised cert_pkix none", "confirmed tls_version time_rule",
                        "violated none none", "upgrade_available none none");
        assertThat(registry.get(MailMeterNames.LATCH_FINDINGS).counters())
                .extracting(c -> c.getId().getTag("property") + " " + c.getId().getTag("state") + " "
                        + c.getId().getTag("severity"))
                .containsExactlyInAnyOrder("tls_version normal abort", "pfs provisional abort");
    }

    @Test
    @DisplayName("cipher suites beyond the cap fold into 'other'")
    void cipherCap() {
        SimpleMeterRegistry r = new SimpleMeterRegistry();
        var capped = MicrometerMailClientMetricsRecorder.create(r, MailMetricsOptions.builder().maxCipherSuites(1)
                .build());
        capped.recordSessionSecurity(Fixture.event(IMAPS, "TLSv1.3", "TLS_AES_128_GCM_SHA256",
                AuthenticationMethod.PKIX));
        capped.recordSessionSecurity(Fixture.event(IMAPS, "TLSv1.3", "TLS_CHACHA20_POLY1305_SHA256",
                AuthenticationMethod.PKIX));
        capped.recordSessionSecurity(Fixture.event(IMAPS, "TLSv1.3", "TLS_AES_128_GCM_SHA256",
                AuthenticationMethod.PKIX));
        assertThat(r.get(MailMeterNames.CONNECTIONS).counters())
                .extracting(c -> c.getId().getTag("cipher") + "=" + (int) c.count())
                .containsExactlyInAnyOrder("TLS_AES_128_GCM_SHA256=2", "other=1");
    }

    @Test
    @DisplayName("the session observer keeps one open-sessions gauge per protocol")
    void openSessions() {
        var observer = recorder.sessionObserver();
        observer.onStateChange(IMAPS, io.deepmail.core.SessionObserver.State.CONNECTED);
        observer.onStateChange(IMAPS, io.deepmail.core.SessionObserver.State.CONNECTED);
        observer.onStateChange(SUBMISSION, io.deepmail.core.SessionObserver.State.CONNECTED);
        observer.onStateChange(IMAPS, io.deepmail.core.SessionObserver.State.DISCONNECTED);
        observer.onStateChange(IMAPS, () -> "SOMETHING_NEW");
        assertThat(registry.get(MailMeterNames.SESSIONS_OPEN).tag("protocol", "imap").gauge().value()).isEqualTo(1);
        assertThat(registry.get(MailMeterNames.SESSIONS_OPEN).tag("protocol", "submission").gauge().value())
                .isEqualTo(1);
        assertThat(registry.get(MailMeterNames.SESSION_STATES).tag("state", "other").counter().count()).isEqualTo(1);
    }

    /** A subclass the fixed list does not name: it counts as its nearest named ancestor. */
    private static final class RefusedException extends ConnectionException {
        private static final long serialVersionUID = 1L;

        RefusedException() {
            super("refused");
        }
    }
}
