package io.deepmail.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.sandbox.Sandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code GET /probe/{domain}} against the in-process sandbox, and deepmail's meters on the Prometheus scrape. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S")
class ProbeEndpointUnitTests {

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SandboxProperties.register(registry);
    }

    @Test
    @DisplayName("SRV-01/SRV-09/TAG-06: GET /probe/{domain} returns the JSON report of every sandbox endpoint, all SECURE")
    @SuppressWarnings("unchecked")
    void probeReport() {
        Sandbox sandbox = SandboxProperties.sandbox();
        Map<String, Object> report = client.get().uri("/probe/{domain}", sandbox.domain()).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(report).containsEntry("domain", sandbox.domain()).containsEntry("verdict", "SECURE");
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) report.get("endpoints");
        List<String> found = endpoints.stream().map(e -> e.get("protocol") + "/" + e.get("mode")).toList();
        for (MailProtocol p : MailProtocol.values()) {
            for (TransportMode m : List.of(TransportMode.IMPLICIT, TransportMode.STARTTLS)) {
                assertThat(found).contains(p + "/" + m);
            }
        }
        assertThat(endpoints).allSatisfy(e -> {
            assertThat(e).containsEntry("verdict", "SECURE").containsEntry("level", 1).containsEntry("error", null);
            assertThat((String) e.get("tlsVersion")).startsWith("TLSv1.");
            assertThat((String) e.get("cipher")).startsWith("TLS_");
            assertThat((List<String>) e.get("tags")).contains("TLS");
        });
        assertThat(endpoints).as("the sandbox publishes TLSA for its Implicit TLS endpoints")
                .anySatisfy(e -> assertThat(e).containsEntry("dane", "VERIFIED"));

        client.get().uri("/probes/recent").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].domain").isEqualTo(sandbox.domain());
    }

    @Test
    @DisplayName("a query that is neither a domain nor an address is a 400 with the reason")
    void badQuery() {
        client.get().uri("/probe/{domain}", "not a domain").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(e -> assertThat((String) e).contains("not a domain"));
    }

    @Test
    @DisplayName("/actuator/prometheus shows deepmail's meters once a probe ran")
    void prometheusShowsDeepmailMeters() {
        client.get().uri("/probe/{domain}", SandboxProperties.sandbox().domain()).exchange().expectStatus().isOk();
        String scrape = client.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("mail_client_connect_duration_seconds", "mail_client_tls_handshake_duration_seconds",
                "mail_client_dns_lookup_duration_seconds", "mail_client_connect_attempts_total",
                "mail_client_security_tags");
    }
}
