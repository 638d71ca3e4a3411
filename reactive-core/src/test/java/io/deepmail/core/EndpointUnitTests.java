package io.deepmail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EndpointUnitTests {

    @Test
    @DisplayName("well-known ports follow RFC 8314 and RFC 6186")
    void wellKnownPorts() {
        assertThat(Endpoint.of(MailProtocol.IMAP, "h", TransportMode.IMPLICIT).port()).isEqualTo(993);
        assertThat(Endpoint.of(MailProtocol.IMAP, "h", TransportMode.STARTTLS).port()).isEqualTo(143);
        assertThat(Endpoint.of(MailProtocol.POP3, "h", TransportMode.IMPLICIT).port()).isEqualTo(995);
        assertThat(Endpoint.of(MailProtocol.POP3, "h", TransportMode.STARTTLS).port()).isEqualTo(110);
        assertThat(Endpoint.of(MailProtocol.SUBMISSION, "h", TransportMode.IMPLICIT).port()).isEqualTo(465);
        assertThat(Endpoint.of(MailProtocol.SUBMISSION, "h", TransportMode.STARTTLS).port()).isEqualTo(587);
        assertThat(MailProtocol.SUBMISSION.serviceName(TransportMode.IMPLICIT)).isEqualTo("submissions");
    }

    @Test
    @DisplayName("ID-09: host names are lower-cased without a trailing dot; IDNs become A-labels")
    void normalisation() {
        assertThat(Endpoint.of(MailProtocol.IMAP, "Mail.Example.TEST.", TransportMode.IMPLICIT).host())
                .isEqualTo("mail.example.test");
        assertThat(Endpoint.of(MailProtocol.IMAP, "bücher.example", TransportMode.IMPLICIT).host())
                .isEqualTo("xn--bcher-kva.example");
        assertThat(Endpoint.of(MailProtocol.IMAP, "[::1]", TransportMode.IMPLICIT).host()).isEqualTo("::1");
    }

    @Test
    @DisplayName("bad ports and empty hosts are refused")
    void invalid() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Endpoint(MailProtocol.IMAP, "h", 0,
                TransportMode.IMPLICIT));
        assertThatIllegalArgumentException().isThrownBy(() -> new Endpoint(MailProtocol.IMAP, "h", 65_536,
                TransportMode.IMPLICIT));
        assertThatIllegalArgumentException().isThrownBy(() -> new Endpoint(MailProtocol.IMAP, " . ", 993,
                TransportMode.IMPLICIT));
    }
}
