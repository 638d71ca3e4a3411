package io.deepmail.core.interop;

import static io.deepmail.core.interop.Lab.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.tls.TlsProviderPreference;
import io.deepmail.core.transport.ConnectRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real dialogue with Dovecot (IMAP, POP3) and Postfix (submission) in both RFC 8314 modes, with
 * each TLS implementation: Implicit TLS on the TLS ports, STARTTLS on the cleartext ports with
 * capabilities read again inside TLS.
 */
class MailDialogueIntegrationTests {

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
        for (Dialect dialect : Dialect.values()) {
            for (TlsProviderPreference provider : Lab.providers()) {
                cases.add(Arguments.of(dialect, provider));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    @DisplayName("TLS-17/TLS-22/TAG-01: Implicit TLS to IMAPS, POP3S and SUBMISSIONS, then a dialogue inside TLS")
    void implicitTls(Dialect dialect, TlsProviderPreference provider) {
        Lab lab = Lab.require();
        ConnectRequest request = lab.request(dialect, TransportMode.IMPLICIT);
        LineSession session = LineSession.open(lab.transport(resources, provider), request, dialect).block(WAIT);
        SessionSecurity security = session.connection().security().orElseThrow();

        List<String> greeting = session.greeting();
        List<String> capabilities = session.capabilities().block(WAIT);
        List<String> goodbye = session.quit().block(WAIT);

        assertThat(greeting.get(greeting.size() - 1)).startsWith(dialect.greetingPrefix());
        assertThat(capabilities).as("inside Implicit TLS nothing offers an upgrade")
                .isNotEmpty().doesNotContain(dialect.startTlsCapability());
        assertThat(dialect.offersPlainAuth(capabilities)).as("password authentication offered inside TLS").isTrue();
        assertThat(goodbye).isNotEmpty();
        assertThat(security.endpoint()).isEqualTo(request.endpoint());
        assertThat(security.remoteAddress()).isEqualTo(request.address());
        assertThat(security.provider()).isEqualTo(Lab.expected(provider));
        assertThat(security.tlsVersion()).isEqualTo("TLSv1.3");
        assertThat(security.authentication()).isEqualTo(AuthenticationMethod.PKIX);
        assertThat(security.tags()).containsExactly(SecurityTag.TLS, SecurityTag.IMPLICIT, SecurityTag.CERT_PKIX,
                SecurityTag.PFS);
        assertThat(security.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
        session.connection().onClose().block(WAIT);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    @DisplayName("TLS-09/TLS-12/TLS-22: STARTTLS on 127.0.0.2, where the server behaves as in production: "
            + "capabilities before and after TLS differ")
    void startTls(Dialect dialect, TlsProviderPreference provider) {
        Lab lab = Lab.require();
        ConnectRequest request = lab.request(dialect, TransportMode.STARTTLS, lab.env().get("LAB_STRICT_HOST"),
                lab.env().get("LAB_STRICT_IP"), dialect.portKey(TransportMode.STARTTLS));
        LineSession session = LineSession.open(lab.transport(resources, provider), request, dialect).block(WAIT);

        assertThat(session.greeting()).last().asString().startsWith(dialect.greetingPrefix());
        List<String> before = session.capabilities().block(WAIT);
        assertThat(session.connection().security()).as("no record while in cleartext").isEmpty();
        SessionSecurity security = session.startTls().block(WAIT);
        List<String> after = session.capabilities().block(WAIT);
        session.quit().block(WAIT);

        assertThat(before).contains(dialect.startTlsCapability());
        assertThat(dialect.offersPlainAuth(before)).as("password authentication before TLS: " + before).isFalse();
        assertThat(after).doesNotContain(dialect.startTlsCapability());
        assertThat(dialect.offersPlainAuth(after)).as("password authentication inside TLS: " + after).isTrue();
        if (dialect == Dialect.IMAP) {
            assertThat(before).contains("LOGINDISABLED").doesNotContain("AUTH=PLAIN");
            assertThat(after).contains("AUTH=PLAIN").doesNotContain("LOGINDISABLED");
        }
        assertThat(session.connection().security()).contains(security);
        assertThat(security.endpoint().host()).isEqualTo("strict.example.test");
        assertThat(security.remoteAddress().getAddress().getHostAddress()).isEqualTo(lab.env().get("LAB_STRICT_IP"));
        assertThat(security.provider()).isEqualTo(Lab.expected(provider));
        assertThat(security.tlsVersion()).isEqualTo("TLSv1.3");
        assertThat(security.tags()).containsExactly(SecurityTag.TLS, SecurityTag.CERT_PKIX, SecurityTag.PFS);
        assertThat(security.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
    }
}
