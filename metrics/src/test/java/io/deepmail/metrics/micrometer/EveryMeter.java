package io.deepmail.metrics.micrometer;

import io.deepmail.core.DaneVerificationException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.SessionObserver;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.latch.LatchEvent;
import io.deepmail.core.latch.LatchFinding;
import io.deepmail.core.latch.LatchProperty;
import io.deepmail.core.latch.TagState;
import io.deepmail.core.metrics.AttemptOutcome;
import io.deepmail.core.metrics.FallbackReason;
import io.deepmail.core.metrics.IdleEvent;
import io.deepmail.core.metrics.MailPhase;
import io.deepmail.core.metrics.PoolGauges;
import io.deepmail.core.metrics.SubmissionOutcome;
import io.deepmail.core.security.AuthenticationMethod;
import java.time.Duration;
import java.util.List;

/** Feeds a recorder one of every event, so that every documented meter exists. */
final class EveryMeter {

    static final Endpoint IMAPS = Endpoint.of(MailProtocol.IMAP, "imap.example.test", TransportMode.IMPLICIT);
    static final Endpoint SUBMISSION = Endpoint.of(MailProtocol.SUBMISSION, "smtp.example.test",
            TransportMode.STARTTLS);

    private EveryMeter() {
    }

    /** A pool of fixed sizes: 2 acquired, 1 idle, 3 allocated, 4 waiting. */
    static final PoolGauges POOL = new PoolGauges() {
        @Override
        public int acquired() {
            return 2;
        }

        @Override
        public int idle() {
            return 1;
        }

        @Override
        public int pendingAcquires() {
            return 4;
        }

        @Override
        public int allocated() {
            return 3;
        }
    };

    static void record(MicrometerMailClientMetricsRecorder recorder) {
        recorder.recordConnectTime(IMAPS, Duration.ofMillis(12), true);
        recorder.recordTlsHandshakeTime(IMAPS, Duration.ofMillis(30), true);
        recorder.recordSessionSecurity(Fixture.event(IMAPS, "TLSv1.3", "TLS_AES_256_GCM_SHA384",
                AuthenticationMethod.DANE_EE));
        recorder.recordSessionSecurity(Fixture.event(SUBMISSION, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                AuthenticationMethod.PKIX));
        recorder.recordTlsFailure(SUBMISSION, new StartTlsUnavailableException("refused"));
        recorder.recordTlsFailure(IMAPS, new DaneVerificationException("no match", List.of("3 1 1 00")));
        recorder.recordConnectAttempt(IMAPS, AttemptOutcome.WON, null);
        recorder.recordConnectAttempt(SUBMISSION, AttemptOutcome.FAILED, new StartTlsUnavailableException("no"));
        recorder.recordLatchEvent(new LatchEvent.Raised("a", IMAPS, LatchProperty.CERT_PKIX, "CERT_PKIX"));
        recorder.recordLatchEvent(new LatchEvent.Violated("a", IMAPS, List.of(new LatchFinding(
                LatchProperty.TLS_VERSION, TagState.NORMAL, "TLSv1.3", "TLSv1.2", LatchFinding.Severity.ABORT)), true));
        recorder.recordDnsLookup("TLSA", DnssecStatus.SECURE, DnsAnswer.Outcome.DATA, Duration.ofMillis(3));
        recorder.recordCommand(MailProtocol.IMAP, "FETCH", "OK", Duration.ofMillis(5));
        recorder.startPhase(MailPhase.AUTHENTICATION, IMAPS, "XOAUTH2").succeeded();
        recorder.sessionObserver().onStateChange(IMAPS, SessionObserver.State.CONNECTED);
        recorder.recordConnectFallback(IMAPS, Endpoint.of(MailProtocol.IMAP, "imap.example.test",
                TransportMode.STARTTLS), FallbackReason.PREFERRED_FAILED);
        recorder.recordIdle(MailProtocol.IMAP, IdleEvent.STARTED);
        recorder.recordIdle(MailProtocol.IMAP, IdleEvent.REFRESHED);
        recorder.recordSubmission(SubmissionOutcome.ACCEPTED, 1234);
        recorder.registerPool(MailProtocol.SUBMISSION, POOL);
    }
}
