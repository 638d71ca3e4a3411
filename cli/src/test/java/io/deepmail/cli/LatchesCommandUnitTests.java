package io.deepmail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code deepmail latches} on the embedded store that {@code connect --latch-store} wrote. */
class LatchesCommandUnitTests extends SandboxTestBase {

    private static Path store;
    private static Endpoint imaps;

    @BeforeAll
    static void paths() {
        store = dir.resolve("latches");
        imaps = fixture.sandbox.endpoint(MailProtocol.IMAP, TransportMode.IMPLICIT);
    }

    private static Cli connect() {
        return Cli.run("connect", "imap", "--user", fixture.sandbox.user(), "--password-file",
                fixture.password.toString(), "--trust-ca", fixture.ca.toString(), "--resolver", fixture.resolver(),
                "--url", "imaps://mail.sandbox.test:" + imaps.port(), "--latch-store", store.toString());
    }

    @Test
    @DisplayName("LAT-04, LAT-05, LAT-10: connect latches PROVISIONAL, confirm raises to NORMAL, reset --yes warns and clears")
    void lifecycle() throws Exception {
        assertThat(connect().exit()).isZero();
        Cli list = Cli.run("latches", "list", fixture.sandbox.user(), "--latch-store", store.toString());
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.out()).contains(imaps.toString(), "PROVISIONAL[CERT_DANE,IMPLICIT,PFS,TLS,TLS_1_2]");

        String url = "imaps://mail.sandbox.test:" + imaps.port();
        Cli confirm = Cli.run("latches", "confirm", fixture.sandbox.user(), "--endpoint", url, "--latch-store",
                store.toString());
        assertThat(confirm.exit()).as(confirm.toString()).isZero();
        assertThat(confirm.out()).contains("NORMAL[CERT_DANE,IMPLICIT,TLS,TLS_1_2]");

        Cli show = Cli.run("latches", "show", fixture.sandbox.user(), "--endpoint", url, "--latch-store",
                store.toString(), "--json");
        assertThat(show.exit()).as(show.toString()).isZero();
        JsonNode doc = Json.mapper().readTree(show.out());
        assertThat(doc.at("/endpoints/0/tags/CERT_DANE/state").asText()).isEqualTo("NORMAL");
        assertThat(doc.at("/endpoints/0/tags/PFS/state").asText()).isEqualTo("PROVISIONAL");

        assertThat(connect().exit()).as("a second connect is admitted under NORMAL latches").isZero();

        Cli reset = Cli.run("latches", "reset", fixture.sandbox.user(), "--yes", "--latch-store", store.toString());
        assertThat(reset.exit()).as(reset.toString()).isZero();
        assertThat(reset.err()).contains("WARNING", "privacy");
        Cli after = Cli.run("latches", "list", fixture.sandbox.user(), "--latch-store", store.toString());
        assertThat(after.out()).contains("no endpoint latched");
    }

    @Test
    @DisplayName("LAT-10: reset without --yes asks, and anything but 'yes' leaves the latches alone")
    void resetAsks() {
        Path own = dir.resolve("asked");
        Cli.run("connect", "imap", "--user", fixture.sandbox.user(), "--password-file", fixture.password.toString(),
                "--trust-ca", fixture.ca.toString(), "--resolver", fixture.resolver(), "--url",
                "imaps://mail.sandbox.test:" + imaps.port(), "--latch-store", own.toString());
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("no\n".getBytes(StandardCharsets.UTF_8)));
            Cli reset = Cli.run("latches", "reset", fixture.sandbox.user(), "--latch-store", own.toString());
            assertThat(reset.exit()).isEqualTo(ExitCode.FAILURE.code());
            assertThat(reset.err()).contains("WARNING", "Type 'yes' to reset", "not reset");
        } finally {
            System.setIn(stdin);
        }
        Cli list = Cli.run("latches", "list", fixture.sandbox.user(), "--latch-store", own.toString());
        assertThat(list.out()).contains("PROVISIONAL[CERT_DANE");
    }

    @Test
    @DisplayName("a bad --endpoint URL is one line on stderr and exit 2")
    void badEndpoint() {
        Cli cli = Cli.run("latches", "confirm", "alice@sandbox.test", "--endpoint", "ftp://x", "--latch-store",
                dir.resolve("bad").toString());
        assertThat(cli.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(cli.err().lines()).hasSize(1).allMatch(l -> l.contains("unknown mail URL scheme"));
    }
}
