package io.deepmail.core.interop;

import static io.deepmail.core.interop.Lab.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailResources;
import io.deepmail.core.TlsNegotiationException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TlsProviderPreference;
import io.deepmail.core.tls.TlsVersion;
import io.deepmail.core.transport.ConnectRequest;
import io.deepmail.core.transport.MailTransport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

/** The Dovecot instance that speaks TLS 1.3 only, in both modes, for IMAP and POP3. */
class Tls13OnlyIntegrationTests {

    private static MailResources resources;

    @BeforeAll
    static void start() {
        resources = MailResources.create();
    }

    @AfterAll
    static void stop() {
        resources.disposeLater().block(WAIT);
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Dialect dialect : List.of(Dialect.IMAP, Dialect.POP3)) {
            for (TransportMode mode : List.of(TransportMode.IMPLICIT, TransportMode.STARTTLS)) {
                for (TlsProviderPreference provider : Lab.providers()) {
                    cases.add(Arguments.of(dialect, mode, provider));
                }
            }
        }
        return cases;
    }

    private static ConnectRequest request(Lab lab, Dialect dialect, TransportMode mode) {
        String port = "LAB_TLS13_" + dialect.name() + (mode == TransportMode.IMPLICIT ? "S" : "") + "_PORT";
        return lab.request(dialect, mode, lab.env().get("LAB_TLS13_HOST"), lab.env().get("LAB_IP4"), port);
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("cases")
    @DisplayName("TLS-01: a TLS-1.3-only server is reached with TLS 1.3 and the session works inside it")
    void tls13Succeeds(Dialect dialect, TransportMode mode, TlsProviderPreference provider) {
        Lab lab = Lab.require();
        LineSession session = Lab.secured(lab.transport(resources, provider), request(lab, dialect, mode), dialect)
                .block(WAIT);
        SessionSecurity security = session.connection().security().orElseThrow();
        List<String> capabilities = session.capabilities().block(WAIT);
        session.quit().block(WAIT);

        assertThat(capabilities).isNotEmpty().doesNotContain(dialect.startTlsCapability());
        assertThat(security.tlsVersion()).isEqualTo("TLSv1.3");
        assertThat(security.cipherSuite()).isIn(TlsOptions.DEFAULT_TLS13_SUITES);
        assertThat(security.provider()).isEqualTo(Lab.expected(provider));
        assertThat(security.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("cases")
    @DisplayName("TLS-01: a client limited to TLS 1.2 is refused by it with a typed error")
    void tls12ClientRefused(Dialect dialect, TransportMode mode, TlsProviderPreference provider) {
        Lab lab = Lab.require();
        TlsOptions tls12 = lab.tls(provider).versions(TlsVersion.TLS_1_2)
                .cipherSuites(TlsOptions.DEFAULT_TLS12_SUITES).build();
        MailTransport transport = Lab.transport(resources, tls12);

        LineSession control = Lab.secured(transport, lab.request(dialect, mode), dialect).block(WAIT);
        assertThat(control.connection().security().orElseThrow().tlsVersion())
                .as("the same client reaches the main instance").isEqualTo("TLSv1.2");
        control.quit().block(WAIT);

        Lab.secured(transport, request(lab, dialect, mode), dialect)
                .as(StepVerifier::create)
                .expectError(TlsNegotiationException.class)
                .verify(WAIT);
    }
}
