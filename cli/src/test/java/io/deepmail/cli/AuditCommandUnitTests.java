package io.deepmail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code deepmail audit} over a file of domains, against the sandbox's DNS. */
class AuditCommandUnitTests extends SandboxTestBase {

    @Test
    @DisplayName("a secure domain and an empty one: CSV report with one row per endpoint, progress lines, shares, exit 1")
    void csvReport() throws Exception {
        Path domains = Files.write(dir.resolve("domains.txt"), List.of("# audit", "sandbox.test", "", "nothing.test"));
        Path report = dir.resolve("report.csv");
        Cli cli = Cli.run("audit", domains.toString(), "--resolver", fixture.resolver(), "--trust-ca",
                fixture.ca.toString(), "--report", report.toString(), "--concurrency", "2", "--timeout", "5");
        assertThat(cli.exit()).as(cli.toString()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(cli.err().lines()).hasSize(2).anyMatch(l -> l.matches("\\[\\d/2] sandbox.test SECURE"))
                .anyMatch(l -> l.matches("\\[\\d/2] nothing.test ERROR"));
        assertThat(cli.out()).contains("domainsSecure", "implicitTlsShare                   50.0% (3/6)",
                "level1Share                        100.0% (6/6)", "daneShare                          50.0% (3/6)",
                "tls13Share                         100.0% (6/6)");
        List<String> rows = Files.readAllLines(report);
        assertThat(rows.get(0)).startsWith("domain,domain_verdict,protocol,host,port,mode");
        assertThat(rows).hasSize(1 + 6 + 1);
        assertThat(rows.stream().filter(r -> r.startsWith("sandbox.test,SECURE,"))).hasSize(6);
        assertThat(rows.stream().filter(r -> r.startsWith("nothing.test,ERROR,"))).hasSize(1);
    }

    @Test
    @DisplayName("a JSON report and a JSON summary; every domain secure exits 0")
    void jsonReport() throws Exception {
        Path domains = Files.write(dir.resolve("one.txt"), List.of("alice@sandbox.test"));
        Path report = dir.resolve("report.json");
        Cli cli = Cli.run("audit", domains.toString(), "--resolver", fixture.resolver(), "--trust-ca",
                fixture.ca.toString(), "--report", report.toString(), "--json");
        assertThat(cli.exit()).as(cli.toString()).isZero();
        JsonNode summary = Json.mapper().readTree(cli.out());
        assertThat(summary.get("domainsSecure").asInt()).isEqualTo(1);
        JsonNode doc = Json.mapper().readTree(report.toFile());
        assertThat(doc.at("/domains/0/endpoints")).hasSize(6);
    }

    @Test
    @DisplayName("a missing domain file is one line on stderr and exit 2")
    void missingFile() {
        Cli cli = Cli.run("audit", dir.resolve("absent.txt").toString());
        assertThat(cli.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(cli.err().lines()).hasSize(1).allMatch(l -> l.contains("domain file not readable"));
    }
}
