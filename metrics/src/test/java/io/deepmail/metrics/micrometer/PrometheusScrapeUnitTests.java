package io.deepmail.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Prometheus scrape of a recorder that has seen one of everything names every documented meter. */
class PrometheusScrapeUnitTests {

    /** The series names Prometheus shows for a documented meter. */
    static List<String> prometheusNames(MailMeters meter) {
        String base = meter.getName().replace('.', '_');
        List<String> names = new ArrayList<>();
        if (meter.getType() == Meter.Type.COUNTER) {
            names.add(base + "_total");
        } else if (meter.getType() == Meter.Type.TIMER) {
            for (String suffix : List.of("_count", "_sum", "_bucket", "_max")) {
                names.add(base + "_seconds" + suffix);
            }
        } else {
            names.add(base);
        }
        return names;
    }

    static String scrape() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        EveryMeter.record(MicrometerMailClientMetricsRecorder.create(registry));
        return registry.scrape();
    }

    @Test
    @DisplayName("every documented meter appears in the scrape under its Prometheus name, with bounded labels")
    void scrapeNamesEveryMeter() {
        String scrape = scrape();
        Set<String> series = DashboardUnitTests.seriesNames(scrape);
        for (MailMeters meter : MailMeters.values()) {
            assertThat(series).as(meter.name()).containsAll(prometheusNames(meter));
        }
        assertThat(scrape).contains("mail_client_connections_total{auth_method=\"dane_ee\","
                + "cipher=\"TLS_AES_256_GCM_SHA384\",level=\"1\",mode=\"implicit\",outcome=\"established\","
                + "protocol=\"imap\",tls_version=\"TLSv1.3\"} 1.0");
        assertThat(scrape).contains("mail_client_tls_handshake_duration_seconds_bucket{");
        assertThat(scrape).contains("mail_client_pool_pending{protocol=\"submission\"} 4.0",
                "mail_client_idle_sessions{protocol=\"imap\"} 1.0",
                "mail_client_submission_bytes_total{outcome=\"accepted\"} 1234.0",
                "mail_client_connect_fallbacks_total{mode=\"starttls\",preferred_mode=\"implicit\","
                        + "protocol=\"imap\",reason=\"preferred_failed\"} 1.0");
        assertThat(scrape).doesNotContain("example.test");
    }
}
