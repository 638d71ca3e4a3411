package io.deepmail.core.internal.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OAuthErrorUnitTests {

    @Test
    @DisplayName("status and scope are read from a flat object, skipping nested values and escapes")
    void readsMembers() {
        OAuthError e = OAuthError.parse(" { \"nested\": {\"status\": \"inner\", \"a\": [1, \"}\"]}, \"flag\": true,"
                + " \"status\" : \"inv\\u0061lid_token\", \"scope\": \"a b\\\"c\" } ");
        assertThat(e.status()).isEqualTo("invalid_token");
        assertThat(e.scope()).isEqualTo("a b\"c");
    }

    @Test
    @DisplayName("a numeric status is kept as text")
    void numericStatus() {
        assertThat(OAuthError.parse("{\"status\":401}").status()).isEqualTo("401");
    }

    @Test
    @DisplayName("garbage yields no status rather than an exception")
    void garbage() {
        for (String junk : new String[] {"", "[]", "{", "{\"status\":}", "{\"status\":\"x\\u12\"}", "nope"}) {
            assertThat(OAuthError.parse(junk)).isEqualTo(new OAuthError(null, null));
        }
    }

    @Test
    @DisplayName("very long values are cut")
    void longValuesCut() {
        assertThat(OAuthError.parse("{\"status\":\"" + "x".repeat(1000) + "\"}").status()).hasSize(203);
    }
}
