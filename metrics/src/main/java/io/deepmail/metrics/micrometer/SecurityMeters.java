package io.deepmail.metrics.micrometer;

import io.deepmail.core.DaneVerificationException;
import io.deepmail.core.DnssecBogusException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailClientException;
import io.deepmail.core.StartTlsInjectionException;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.security.SessionSecurityEvent;

/**
 * What a session's security says, as meters: {@link MailMeters#CONNECTIONS},
 * {@link MailMeters#SECURITY_TAGS}, {@link MailMeters#DANE_VERIFICATIONS},
 * {@link MailMeters#TLS_FAILURES} and {@link MailMeters#STARTTLS_FAILURES}.
 */
final class SecurityMeters {

    static final String ESTABLISHED = "established";
    static final String TLS_FAILED = "tls_failed";
    static final String CONNECT_FAILED = "connect_failed";

    private final Meters meters;
    private final BoundedValues ciphers;

    SecurityMeters(Meters meters, int maxCipherSuites) {
        this.meters = meters;
        this.ciphers = new BoundedValues(maxCipherSuites);
    }

    void established(SessionSecurityEvent event) {
        SessionSecurity s = event.security();
        Endpoint endpoint = s.endpoint();
        String protocol = TagValues.protocol(endpoint.protocol());
        String mode = TagValues.lower(endpoint.mode());
        String cipher = s.cipherSuite() == null ? MailMeterNames.NONE : ciphers.of(s.cipherSuite());
        meters.count(MailMeters.CONNECTIONS, endpoint, protocol, mode, TagValues.tlsVersion(s.tlsVersion()), cipher,
                TagValues.lower(s.authentication()), Integer.toString(s.level().value()), ESTABLISHED);
        for (SecurityTag tag : s.tags()) {
            meters.count(MailMeters.SECURITY_TAGS, null, protocol, mode, TagValues.lower(tag));
        }
        AuthenticationMethod method = s.authentication();
        if (method == AuthenticationMethod.DANE_EE || method == AuthenticationMethod.DANE_TA
                || method == AuthenticationMethod.DANE_PKIX_TA || method == AuthenticationMethod.DANE_PKIX_EE) {
            meters.count(MailMeters.DANE_VERIFICATIONS, null, protocol, TagValues.lower(method));
        }
    }

    void failed(Endpoint endpoint, String outcome) {
        meters.count(MailMeters.CONNECTIONS, endpoint, TagValues.protocol(endpoint.protocol()),
                TagValues.lower(endpoint.mode()), MailMeterNames.NONE, MailMeterNames.NONE, MailMeterNames.NONE,
                MailMeterNames.NONE, outcome);
    }

    void tlsFailure(Endpoint endpoint, MailClientException failure) {
        String protocol = TagValues.protocol(endpoint.protocol());
        meters.count(MailMeters.TLS_FAILURES, endpoint, protocol, TagValues.lower(endpoint.mode()),
                FailureReasons.of(failure));
        failed(endpoint, TLS_FAILED);
        if (failure instanceof StartTlsUnavailableException) {
            meters.count(MailMeters.STARTTLS_FAILURES, null, protocol, "refused");
        } else if (failure instanceof StartTlsInjectionException) {
            meters.count(MailMeters.STARTTLS_FAILURES, null, protocol, "injected");
        } else if (failure instanceof DaneVerificationException) {
            meters.count(MailMeters.DANE_VERIFICATIONS, null, protocol, "failed");
        } else if (failure instanceof DnssecBogusException) {
            meters.count(MailMeters.DANE_VERIFICATIONS, null, protocol, "dnssec_bogus");
        }
    }
}
