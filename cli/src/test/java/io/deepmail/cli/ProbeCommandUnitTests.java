package io.deepmail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code deepmail probe} against the sandbox: discovery, every endpoint inspected, typed exit codes. */
class ProbeCommandUnitTests extends SandboxTestBase {

    @Test
    @DisplayName("SRV-01, DANE-01: all six discovered endpoints are probed, secure, and the exit code is 0")
    void probeSecure() {
        Cli cli = Cli.run("probe", "alice@sandbox.test", "--resolver", fixture.resolver(),
                "--trust-ca", fixture.ca.toString());
        assertThat(cli.exit()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("probe alice@sandbox.test (domain sandbox.test): SECURE")
                .contains("DANE VERIFIED", "identity MATCHED", "TLSv1.3");
        assertThat(cli.out().lines().filter(l -> l.contains("mail.sandbox.test:"))).hasSize(6);
    }

    @Test
    @DisplayName("--json prints exactly one JSON document with six endpoints")
    void probeJson() throws Exception {
        Cli cli = Cli.run("probe", "sandbox.test", "--resolver", fixture.resolver(), "--trust-ca", fixture.ca.toString(),
                "--json");
        assertThat(cli.exit()).as(cli.toString()).isZero();
        JsonNode doc = Json.mapper().readTree(cli.out());
        assertThat(doc.get("verdict").asText()).isEqualTo("SECURE");
        assertThat(doc.get("endpoints")).hasSize(6);
        assertThat(Json.mapper().readerFor(JsonNode.class).readValues(cli.out()).readAll()).hasSize(1);
    }

    @Test
    @DisplayName("ID-01: without the sandbox CA the STARTTLS endpoints fail PKIX: an insecure verdict, not secure")
    void probeWithoutCa() {
        Cli cli = Cli.run("probe", "sandbox.test", "--resolver", fixture.resolver(), "--timeout", "5");
        assertThat(cli.exit()).as(cli.toString()).isNotZero().isNotEqualTo(ExitCode.OK.code());
        assertThat(cli.out()).contains("CERTIFICATE_PATH");
    }

    @Test
    @DisplayName("a domain with no SRV records: non-zero exit and one line on stderr")
    void probeNothingFound() {
        Cli cli = Cli.run("probe", "nothing.test", "--resolver", fixture.resolver(), "--timeout", "3");
        assertThat(cli.exit()).as(cli.toString()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(cli.err().lines()).hasSize(1).allMatch(l -> l.startsWith("deepmail probe: no endpoint found"));
    }

    @Test
    @DisplayName("a bad --resolver is one line on stderr and exit 2, no stack trace")
    void badResolver() {
        Cli cli = Cli.run("probe", "sandbox.test", "--resolver", "127.0.0.1");
        assertThat(cli.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(cli.err().lines()).hasSize(1).allMatch(l -> l.contains("--resolver needs host:port"));
        assertThat(cli.out()).isEmpty();
    }
}
