package io.deepmail.benchmarks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.benchmarks.common.Options;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OptionsUnitTests {

    @Test
    @DisplayName("Options: --name value, --name=value and flags; a worker config from them")
    void parse() {
        Options o = Options.parse("--pki", "/tmp/p", "--port=993", "--smoke", "--inflight", "64", "--micrometer");
        assertThat(o.flag("smoke")).isTrue();
        assertThat(o.flag("probe")).isFalse();
        WorkerConfig c = WorkerConfig.from(o);
        assertThat(c.port()).isEqualTo(993);
        assertThat(c.inflight()).isEqualTo(64);
        assertThat(c.micrometer()).isTrue();
        assertThat(c.boringSsl()).isTrue();
        assertThatThrownBy(() -> o.get("missing")).hasMessageContaining("--missing");
        assertThatThrownBy(() -> Options.parse("positional")).isInstanceOf(IllegalArgumentException.class);
    }
}
