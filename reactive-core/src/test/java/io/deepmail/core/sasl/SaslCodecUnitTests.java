package io.deepmail.core.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.core.ProtocolViolationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SaslCodecUnitTests {

    @Test
    @DisplayName("responses are plain RFC 4648 base64; an empty response is an empty line")
    void encodesResponses() {
        assertThat(SaslCodec.encode("\0tim\0tanstaaftanstaaf".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("AHRpbQB0YW5zdGFhZnRhbnN0YWFm");
        assertThat(SaslCodec.encode(new byte[0])).isEmpty();
    }

    @Test
    @DisplayName("an empty initial response is sent as '=' (RFC 4959 §3, RFC 4954 §4)")
    void emptyInitialResponseIsEquals() {
        assertThat(SaslCodec.encodeInitialResponse(new byte[0])).isEqualTo("=");
        assertThat(SaslCodec.encodeInitialResponse(new byte[] {1})).isEqualTo("AQ==");
    }

    @Test
    @DisplayName("canonical base64 and the empty challenge decode")
    void decodesCanonical() {
        assertThat(SaslCodec.decode("")).isEmpty();
        assertThat(new String(SaslCodec.decode("VXNlcm5hbWU6"), StandardCharsets.US_ASCII)).isEqualTo("Username:");
        assertThat(SaslCodec.decode("AQ==")).containsExactly(1);
        assertThat(SaslCodec.decode("AQI=")).containsExactly(1, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AQ", "AQ=", "QR==", "AQI ", "A Q==", "AQ==\r\n", "!!!!", "====", "AQ==AQ==x", "A===",
        "dGVzdA-_", "\u00e9\u00e9\u00e9\u00e9", "="})
    @DisplayName("strict decoding rejects garbage, missing padding, non-canonical bits and whitespace, typed")
    void rejectsGarbage(String garbage) {
        assertThatThrownBy(() -> SaslCodec.decode(garbage))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("not valid base64")
                .satisfies(e -> {
                    if (garbage.trim().length() > 2) {
                        assertThat(e.getMessage()).doesNotContain(garbage.trim());
                    }
                });
    }
}
