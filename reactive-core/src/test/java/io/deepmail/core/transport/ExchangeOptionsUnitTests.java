package io.deepmail.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExchangeOptionsUnitTests {

    @Test
    @DisplayName("defaults are finite and pipelining is off")
    void defaults() {
        ExchangeOptions o = ExchangeOptions.defaults();
        assertThat(o.maxPendingConversations()).isEqualTo(ExchangeOptions.DEFAULT_MAX_PENDING_CONVERSATIONS);
        assertThat(o.maxBufferedResponses()).isEqualTo(ExchangeOptions.DEFAULT_MAX_BUFFERED_RESPONSES);
        assertThat(o.pipelining()).isFalse();
        assertThat(o.responseTimeout()).isEqualTo(TimeoutOptions.DEFAULT_READ_IDLE);
    }

    @Test
    @DisplayName("mutate() and copyOf() start from an instance and leave it unchanged")
    void mutate() {
        ExchangeOptions base = ExchangeOptions.defaults();
        ExchangeOptions changed = base.mutate().pipelining(true).maxBufferedResponses(8).build();
        assertThat(base.pipelining()).isFalse();
        assertThat(changed.pipelining()).isTrue();
        assertThat(changed.maxBufferedResponses()).isEqualTo(8);
        assertThat(ExchangeOptions.copyOf(changed).build()).isEqualTo(changed);
    }

    @Test
    @DisplayName("bounds must be positive and the response timeout positive and at most one day")
    void validation() {
        assertThatIllegalArgumentException().isThrownBy(() -> ExchangeOptions.builder().maxPendingConversations(0).build());
        assertThatIllegalArgumentException().isThrownBy(() -> ExchangeOptions.builder().maxBufferedResponses(0).build());
        assertThatIllegalArgumentException().isThrownBy(() -> ExchangeOptions.builder().responseTimeout(Duration.ZERO).build());
        assertThatIllegalArgumentException().isThrownBy(() -> ExchangeOptions.builder().responseTimeout(Duration.ofDays(2)).build());
    }
}
