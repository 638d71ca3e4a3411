package io.deepmail.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.ConnectOptions;
import io.deepmail.core.connect.MailConnector;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.metrics.AttemptOutcome;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.tls.TlsProviderPreference;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SRV-12 against real servers: the connector races Dovecot's Implicit-TLS port against its
 * STARTTLS port on the strict listener, and Postfix's 465-style port against 587, and each race
 * ends in a verified level-1 session.
 */
class RaceIntegrationTests {

    private static MailResources resources;

    @BeforeAll
    static void start() {
        resources = MailResources.create();
    }

    @AfterAll
    static void stop() {
        resources.disposeLater().block(Lab.WAIT);
    }

    @ParameterizedTest(name = "{0} with head start {1} ms")
    @CsvSource({"IMAP, 250", "IMAP, 0", "POP3, 250", "SUBMISSION, 250", "SUBMISSION, 0"})
    @DisplayName("SRV-12: racing Implicit TLS against STARTTLS on the lab gives a verified session")
    void race(Dialect dialect, long headStartMillis) throws Exception {
        Lab lab = Lab.require();
        String strict = lab.env().get("LAB_STRICT_HOST");
        List<String> outcomes = new CopyOnWriteArrayList<>();
        MailClientMetricsRecorder recorder = new MailClientMetricsRecorder() {
            @Override
            public void recordConnectAttempt(Endpoint endpoint, AttemptOutcome outcome, @Nullable Throwable failure) {
                outcomes.add(endpoint.mode() + ":" + outcome + (failure == null ? "" : ":" + failure));
            }
        };
        MailConnector connector = MailConnector.create(lab.transport(resources, TlsProviderPreference.AUTO)
                        .metrics(recorder))
                .options(ConnectOptions.defaults().withHeadStart(Duration.ofMillis(headStartMillis)))
                .resolver(AddressResolver.of(Map.of(strict, List.of(InetAddress.getByName(
                        lab.env().get("LAB_STRICT_IP"))))));
        Account account = Account.builder(lab.env().get("LAB_USER1"))
                .credentials(CredentialsProvider.of(new Credentials.Password("unused", "unused"))).build();
        Targets targets = Targets.endpoints(dialect.protocol(),
                new Endpoint(dialect.protocol(), strict, lab.env().port(dialect.portKey(TransportMode.IMPLICIT)),
                        TransportMode.IMPLICIT),
                new Endpoint(dialect.protocol(), strict, lab.env().port(dialect.portKey(TransportMode.STARTTLS)),
                        TransportMode.STARTTLS));

        LineSession session = connector.connect(account, targets, new LabDialect(dialect)).block(Lab.WAIT);

        SessionSecurity security = session.connection().security().orElseThrow();
        assertThat(security.level()).isEqualTo(ConfidentialityLevel.VERIFIED);
        assertThat(security.tags()).contains(SecurityTag.TLS, SecurityTag.CERT_PKIX, SecurityTag.PFS);
        if (headStartMillis > 0) {
            assertThat(security.endpoint().mode()).as("Implicit TLS wins with its head start")
                    .isEqualTo(TransportMode.IMPLICIT);
            assertThat(outcomes).containsExactly("IMPLICIT:WON");
        } else {
            assertThat(outcomes).as("both start together; one wins and the other is cancelled or lost")
                    .anyMatch(o -> o.endsWith(":WON"));
        }
        session.quit().block(Lab.WAIT);
    }
}
