package io.deepmail.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Loads the dashboard in headless Chromium and checks that its script rendered the recent probes
 * and the level and cipher mix. Skipped without {@code /usr/bin/chromium}, unless
 * {@code DEEPMAIL_LAB_REQUIRED=1}, which makes a missing browser a failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S")
class DashboardChromiumUnitTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SandboxProperties.register(registry);
    }

    @Test
    @DisplayName("TAG-06: the dashboard renders the recent probes, the level mix and the cipher mix")
    void dashboardRendersProbes() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            boolean required = "1".equals(System.getenv("DEEPMAIL_LAB_REQUIRED"));
            assertThat(required).as("DEEPMAIL_LAB_REQUIRED=1 but " + CHROMIUM + " is missing").isFalse();
            Assumptions.abort(CHROMIUM + " is not installed");
        }
        String domain = SandboxProperties.sandbox().domain();
        client.get().uri("/probe/{domain}", domain).exchange().expectStatus().isOk();

        String dom = dumpDom("http://127.0.0.1:" + port + "/");

        assertThat(dom).contains("data-state=\"rendered\"");
        assertThat(dom).containsPattern("<td>" + java.util.regex.Pattern.quote(domain) + "</td><td class=\"SECURE\">SECURE</td>");
        assertThat(dom).as("level mix").contains("<tr data-key=\"level 1\"><td>level 1</td>");
        assertThat(dom).as("cipher mix").containsPattern("<tr data-key=\"TLS_[A-Z0-9_]+\"><td>TLS_");
        assertThat(dom).as("endpoints of the latest probe").contains("<td>IMAP</td>", "<td>POP3</td>", "<td>SUBMISSION</td>");
    }

    /** Runs headless Chromium on a fresh profile, confined to loopback, and returns the DOM after the page's scripts ran. */
    private static String dumpDom(String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("deepmail-chromium");
        Path out = Files.createTempFile("deepmail-dom", ".html");
        try {
            Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                    "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom", url))
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
                throw new AssertionError("chromium did not finish within 120 s");
            }
            assertThat(chromium.exitValue()).as("chromium exit code").isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
