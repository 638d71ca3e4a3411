package io.deepmail.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.docs.KeyName;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link MailMeters} documents exactly what the recorder registers: names, types and tag keys. */
class MailMetersUnitTests {

    private static Set<String> keys(KeyName[] names) {
        return Arrays.stream(names).map(KeyName::asString).collect(Collectors.toSet());
    }

    private static Map<String, MailMeters> byName() {
        return Arrays.stream(MailMeters.values()).collect(Collectors.toMap(MailMeters::getName, Function.identity()));
    }

    @Test
    @DisplayName("every registered meter is documented, with its type and exactly its documented tag keys")
    void registeredMetersAreDocumented() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EveryMeter.record(MicrometerMailClientMetricsRecorder.create(registry));
        Map<String, MailMeters> documented = byName();
        assertThat(registry.getMeters()).isNotEmpty().allSatisfy(meter -> {
            MailMeters doc = documented.get(meter.getId().getName());
            assertThat(doc).as(meter.getId().getName()).isNotNull();
            assertThat(meter.getId().getType()).isEqualTo(doc.getType());
            assertThat(meter.getId().getTags()).extracting(Tag::getKey).containsExactlyInAnyOrderElementsOf(
                    keys(doc.getKeyNames()));
        });
        assertThat(registry.getMeters()).extracting(m -> m.getId().getName()).containsAll(documented.keySet());
    }

    @Test
    @DisplayName("with host tags on, exactly the meters that accept the host tag carry it")
    void hostTagOnlyWhereDocumented() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EveryMeter.record(MicrometerMailClientMetricsRecorder.create(registry,
                MailMetricsOptions.builder().hostTags(true).build()));
        Map<String, MailMeters> documented = byName();
        for (Meter meter : registry.getMeters()) {
            MailMeters doc = documented.get(meter.getId().getName());
            assertThat(meter.getId().getTag(MailMeterNames.HOST) != null).as(doc.name())
                    .isEqualTo(doc.acceptsHostTag());
            assertThat(keys(doc.getAdditionalKeyNames()).contains(MailMeterNames.HOST)).isEqualTo(doc.acceptsHostTag());
        }
    }

    @Test
    @DisplayName("names follow Micrometer's conventions: lower-case, dot-separated, under mail.client; timers in seconds")
    void naming() {
        for (MailMeters meter : MailMeters.values()) {
            assertThat(meter.getName()).startsWith(MailMeterNames.PREFIX + ".").matches("[a-z.]+");
            assertThat(meter.getBaseUnit()).isEqualTo(meter.getType() == Meter.Type.TIMER ? "seconds"
                    : meter == MailMeters.SUBMISSION_BYTES ? "bytes" : null);
            assertThat(keys(meter.getKeyNames())).isNotEmpty().doesNotContain(MailMeterNames.HOST);
        }
        for (MailObservations observation : MailObservations.values()) {
            assertThat(observation.getName()).startsWith(MailMeterNames.PREFIX + ".");
            assertThat(keys(observation.getLowCardinalityKeyNames())).contains("protocol", "mode", "outcome", "error");
            assertThat(keys(observation.getHighCardinalityKeyNames())).containsExactlyInAnyOrder("host", "port");
            assertThat(observation.getDefaultConvention()).isEqualTo(DefaultMailObservationConvention.class);
        }
    }

    @Test
    @DisplayName("failure reasons are a fixed, small set")
    void failureReasonsAreBounded() {
        assertThat(FailureReasons.values()).hasSizeLessThan(30).contains("other", "none", "DaneVerificationException");
    }
}
