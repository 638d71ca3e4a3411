package io.deepmail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.testkit.MailResourcesExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The LOGIN command against the lab's real Dovecot. Dovecot always advertises {@code AUTH=}
 * mechanisms, so the client would AUTHENTICATE; a {@link CapabilityStrippingRelay} in front of it
 * hides them, which leaves LOGIN (over TLS, no LOGINDISABLED, so TLS-14 allows it) as the client's last
 * resort.
 */
@Tag("integration")
class ImapLoginCommandLabIntegrationTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Duration WAIT = LabSessions.WAIT;

    @Test
    @DisplayName("no AUTH= advertised: LOGIN (not AUTHENTICATE) over implicit TLS, SELECT INBOX shows the seed; a wrong password is a typed NO")
    void loginCommandWithoutAuthCapabilities() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        try (CapabilityStrippingRelay relay = CapabilityStrippingRelay.start(env)) {
            Targets targets = LabSessions.targets(new Endpoint(MailProtocol.IMAP,
                    env.get("LAB_HOST"), relay.port(), TransportMode.IMPLICIT));
            ImapClient client = LabSessions.client(env, RESOURCES.get());
            ImapSession s = client.connect(LabSessions.user(env, "1"), targets).block(WAIT);
            try {
                assertThat(s.security().level()).isEqualTo(ConfidentialityLevel.VERIFIED);
                assertThat(s.state()).isEqualTo(ImapState.AUTHENTICATED);
                assertThat(s.capabilities()).noneMatch(c -> c.startsWith("AUTH="));
                assertThat(relay.clientLines()).anyMatch(l -> l.matches("A\\d+ LOGIN .*"))
                        .noneMatch(l -> l.matches("A\\d+ AUTHENTICATE.*"));
                MailboxState inbox = s.select("INBOX").block(WAIT);
                assertThat(inbox.readOnly()).isFalse();
                assertThat(inbox.exists()).isGreaterThanOrEqualTo(Long.parseLong(env.get("LAB_SEED_MESSAGES")));
            } finally {
                s.logout().block(WAIT);
            }

            Account wrong = Account.builder(env.get("LAB_USER1")).credentials(CredentialsProvider.of(
                    new Credentials.Password(env.get("LAB_USER1"), "not-the-password"))).build();
            int before = relay.clientLines().size();
            Throwable failure = ScriptedSessions.failure(client.connect(wrong, targets));
            assertThat(failure).isInstanceOf(ImapNoException.class);
            assertThat(((ImapNoException) failure).responseCode()).isEqualTo("AUTHENTICATIONFAILED");
            List<String> lines = relay.clientLines();
            assertThat(lines.subList(before, lines.size()))
                    .anyMatch(l -> l.matches("A\\d+ LOGIN .*"))
                    .noneMatch(l -> l.matches("A\\d+ AUTHENTICATE.*"));
        }
    }
}
