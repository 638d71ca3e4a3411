package io.deepmail.core.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailUrlUnitTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "imaps://mail.example.com, IMAP, IMPLICIT, 993",
        "imap://mail.example.com, IMAP, STARTTLS, 143",
        "pops://mail.example.com, POP3, IMPLICIT, 995",
        "pop3s://mail.example.com, POP3, IMPLICIT, 995",
        "pop://mail.example.com, POP3, STARTTLS, 110",
        "pop3://mail.example.com, POP3, STARTTLS, 110",
        "submissions://mail.example.com, SUBMISSION, IMPLICIT, 465",
        "submission://mail.example.com, SUBMISSION, STARTTLS, 587",
        "imap://mail.example.com?tls=none, IMAP, PLAINTEXT, 143",
        "IMAPS://Mail.Example.COM:10993, IMAP, IMPLICIT, 10993"
    })
    @DisplayName("EXT-05: each scheme maps to its protocol, mode and well-known port")
    void schemes(String url, MailProtocol protocol, TransportMode mode, int port) {
        MailUrl parsed = MailUrl.parse(url);
        assertThat(parsed.protocol()).isEqualTo(protocol);
        assertThat(parsed.mode()).isEqualTo(mode);
        assertThat(parsed.port()).isEqualTo(port);
        assertThat(parsed.host()).isEqualTo("mail.example.com");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"imaps://mail.example.com", "imap://alice@mail.example.com:1143",
        "pops://[::1]:1995", "submission://mail.example.com?tls=none", "submissions://bob@smtp.example.org"})
    @DisplayName("EXT-05: URLs format and parse back to the same value")
    void roundTrip(String url) {
        MailUrl parsed = MailUrl.parse(url);
        assertThat(parsed.format()).isEqualTo(url);
        assertThat(MailUrl.parse(parsed.format())).isEqualTo(parsed);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://mail.example.com", "imaps://", "imaps:///INBOX", "imaps://alice:pw@mail.example.com",
        "imaps://mail.example.com?tls=none", "imap://mail.example.com?tls=maybe", "imap://mail.example.com/INBOX",
        "imaps://mail.example.com:99999", "not a url", "mailto:alice@example.com"})
    @DisplayName("EXT-05: malformed or unsafe URLs are refused with a clear error")
    void malformed(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> MailUrl.parse(url)).withMessageNotContaining("null");
    }
}
