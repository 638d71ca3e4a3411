package io.deepmail.imap;

import static io.deepmail.imap.ScriptedSessions.ALICE;
import static io.deepmail.imap.ScriptedSessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.Candidate;
import io.deepmail.core.connect.MailUrl;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.testkit.MailResourcesExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** Where {@link ImapClient#connect(io.deepmail.core.Account)} connects without DNS: nothing is guessed. */
class ImapClientUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    @Test
    @DisplayName("no DNS lookup and no configured host: IllegalStateException, the account's domain is not guessed")
    void nothingConfigured() throws Exception {
        ScriptedSessions.client(RESOURCES).targets(ALICE).as(StepVerifier::create)
                .expectError(IllegalStateException.class).verify(WAIT);
    }

    @Test
    @DisplayName("a configured host gives 993 and 143 on that host; a configured URL its one endpoint")
    void configured() throws Exception {
        Targets host = ScriptedSessions.client(RESOURCES).host("imap.example.org").targets(ALICE).block(WAIT);
        assertThat(host.protocol()).isEqualTo(MailProtocol.IMAP);
        assertThat(host.candidates()).map(Candidate::endpoint)
                .allSatisfy(e -> assertThat(e.host()).isEqualTo("imap.example.org"))
                .extracting(e -> e.mode()).containsExactlyInAnyOrder(TransportMode.IMPLICIT, TransportMode.STARTTLS);
        Targets url = ScriptedSessions.client(RESOURCES).url(MailUrl.parse("imaps://imap.example.org:1993"))
                .targets(ALICE).block(WAIT);
        assertThat(url.candidates()).singleElement().satisfies(c -> assertThat(c.endpoint().port()).isEqualTo(1993));
    }
}
