package io.deepmail.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.tls.ReferenceIdentifiers;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ServiceLabel, DiscoveryOptions and DiscoveryCandidate as values. */
class DiscoveryValuesUnitTests {

    @Test
    @DisplayName("SRV-02: the six owner names under D, one per protocol and mode")
    void labels() {
        assertThat(Arrays.stream(ServiceLabel.values()).map(l -> l.ownerName("example.com")).toList()).containsExactly(
                "_imaps._tcp.example.com", "_imap._tcp.example.com", "_pop3s._tcp.example.com",
                "_pop3._tcp.example.com", "_submissions._tcp.example.com", "_submission._tcp.example.com");
        assertThat(ServiceLabel.of(MailProtocol.SUBMISSION, TransportMode.IMPLICIT)).isEqualTo(ServiceLabel.SUBMISSIONS);
        assertThatThrownBy(() -> ServiceLabel.of(MailProtocol.IMAP, TransportMode.PLAINTEXT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("options: defaults, copy-on-write builders and finite timeouts")
    void options() {
        DiscoveryOptions o = DiscoveryOptions.defaults();
        assertThat(o.labelTimeout()).isEqualTo(DiscoveryOptions.DEFAULT_LABEL_TIMEOUT);
        assertThat(o.preference()).isEqualTo(ImplicitTlsPreference.AT_EQUAL_PRIORITY);
        DiscoveryOptions strict = o.mutate().preference(ImplicitTlsPreference.STRICT).build();
        assertThat(o.preference()).isEqualTo(ImplicitTlsPreference.AT_EQUAL_PRIORITY);
        assertThat(DiscoveryOptions.copyOf(strict).build()).isEqualTo(strict);
        assertThat(DiscoveryOptions.builder().build()).isEqualTo(o);
        assertThatThrownBy(() -> o.mutate().labelTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.mutate().labelTimeout(Duration.ofHours(1)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a candidate is never MANUAL, and a secure one never waits for confirmation")
    void candidateInvariants() {
        Endpoint e = new Endpoint(MailProtocol.IMAP, "mail.example.com", 993, TransportMode.IMPLICIT);
        ReferenceIdentifiers ids = ReferenceIdentifiers.forManualHost("mail.example.com");
        assertThatThrownBy(() -> new DiscoveryCandidate(e, "example.com", 0, 1, DiscoveryTrust.MANUAL, false, ids))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiscoveryCandidate(e, "example.com", 0, 1, DiscoveryTrust.SRV_SECURE, true, ids))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DiscoveryCandidate.of(ServiceLabel.IMAPS, "example.com", "bad host", 993, 0, 1, true))
                .isInstanceOf(IllegalArgumentException.class);
        DiscoveryCandidate secure = DiscoveryCandidate.of(ServiceLabel.IMAPS, "example.com", "mx.other.net", 993, 0, 1,
                true);
        assertThat(secure.confirmed()).isSameAs(secure);
    }
}
