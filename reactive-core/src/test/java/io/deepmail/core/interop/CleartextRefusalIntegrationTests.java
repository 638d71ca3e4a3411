package io.deepmail.core.interop;

import static io.deepmail.core.interop.Lab.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailResources;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TlsNegotiationException;
import io.deepmail.core.TransportMode;
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
import reactor.test.StepVerifier;

/**
 * The Dovecot instance without any TLS. A client that requires TLS never gets a session from it:
 * STARTTLS is refused by the server and the core's primitive turns that into a typed failure, and
 * Implicit TLS meets a plaintext greeting instead of a ServerHello.
 */
class CleartextRefusalIntegrationTests {

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
            for (TlsProviderPreference provider : Lab.providers()) {
                cases.add(Arguments.of(dialect, provider));
            }
        }
        return cases;
    }

    private static ConnectRequest request(Lab lab, Dialect dialect, TransportMode mode) {
        return lab.request(dialect, mode, Lab.HOST, lab.env().get("LAB_IP4"),
                "LAB_CLEAR_" + dialect.name() + "_PORT");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    @DisplayName("TLS-15: STARTTLS to a server without TLS fails with StartTlsUnavailableException and the "
            + "connection is closed")
    void startTlsRefused(Dialect dialect, TlsProviderPreference provider) {
        Lab lab = Lab.require();
        LineSession session = LineSession.open(lab.transport(resources, provider),
                request(lab, dialect, TransportMode.STARTTLS), dialect).block(WAIT);
        List<String> capabilities = session.capabilities().block(WAIT);
        assertThat(capabilities).as("the server offers no upgrade").isNotEmpty()
                .doesNotContain(dialect.startTlsCapability());

        session.startTls()
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(StartTlsUnavailableException.class)
                        .hasMessageContaining("TLS support isn't enabled"))
                .verify(WAIT);
        session.connection().onClose().block(WAIT);
        assertThat(session.connection().isDisposed()).isTrue();
        assertThat(session.connection().security()).as("no security record, and no cleartext session").isEmpty();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    @DisplayName("TLS-17/TLS-07: Implicit TLS to the cleartext port fails with TlsNegotiationException")
    void implicitTlsRefused(Dialect dialect, TlsProviderPreference provider) {
        Lab lab = Lab.require();
        lab.transport(resources, provider).connect(request(lab, dialect, TransportMode.IMPLICIT))
                .as(StepVerifier::create)
                .expectError(TlsNegotiationException.class)
                .verify(WAIT);
    }
}
