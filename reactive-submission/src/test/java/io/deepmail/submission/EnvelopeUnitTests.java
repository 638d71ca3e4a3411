package io.deepmail.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeUnitTests {

    @ParameterizedTest
    @ValueSource(strings = {"bob@example.test>\r\nRCPT TO:<eve@evil.test", "bob@example.test\n", "bob\u0000@example.test",
            "j\u00f6rg@example.test", "bob@example.test> NOTIFY=NEVER", "bob"})
    @DisplayName("CVE-2025-7962 class: an envelope that could inject a command cannot be built")
    void injection(String address) {
        assertThatThrownBy(() -> Envelope.of("alice@example.test", address)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Envelope.of(address, "bob@example.test")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("UTF-8 addresses only with SMTPUTF8; ENVID and ORCPT may not break lines; the null sender is allowed")
    void parameters() {
        assertThat(Envelope.builder("").to("j\u00f6rg@example.test").smtpUtf8(true).build().sender()).isEmpty();
        assertThatThrownBy(() -> Envelope.builder("a@b.test").to("c@d.test").envelopeId("x\r\nRSET").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Envelope.builder("a@b.test").to(Recipient.of("c@d.test")
                .withOriginalRecipient("c@d.test\r\nDATA")).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Recipient.of("c@d.test").withNotify(Recipient.Notify.NEVER, Recipient.Notify.SUCCESS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Envelope.builder("a@b.test").build()).isInstanceOf(IllegalArgumentException.class);
    }
}
