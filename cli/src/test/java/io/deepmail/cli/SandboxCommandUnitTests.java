package io.deepmail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's main job, {@code deepmail sandbox}, run in-process against the embedded sandbox. */
class SandboxCommandUnitTests {

    @Test
    @DisplayName("the sandbox run holds every expectation and exits 0; the report shows DANE-EE and PKIX endpoints, "
            + "NORMAL latches, the refused downgrade and the metrics")
    void sandboxSucceeds() {
        Cli cli = Cli.run("sandbox");
        assertThat(cli.exit()).as(cli.toString()).isZero();
        assertThat(cli.out())
                .containsPattern("all \\d+ expectations held: exit 0")
                .doesNotContain("[FAIL]")
                .contains("IMAPS       IMPLICIT  mail.sandbox.test:", "SRV_SECURE")
                .contains("auth      DANE_EE", "auth      PKIX", "tags CERT_DANE,IMPLICIT,PFS,TLS")
                .contains("PROVISIONAL[CERT_DANE,IMPLICIT,PFS,TLS,TLS_1_2]", "NORMAL[CERT_DANE,IMPLICIT,TLS,TLS_1_2]")
                .contains("IMAP: logged in, SELECT INBOX, FETCH 1 ENVELOPE is the seeded message")
                .contains("POP3: logged in, STAT, RETR 1 is the seeded message")
                .contains("Submission: the server received it exactly once")
                .contains("StartTlsUnavailableException", "the stripping server read: [A1 CAPABILITY]")
                .contains("mail.client.connections", "mail.client.latch.events", "mail.client.dane.verifications");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    @DisplayName("bare deepmail runs the sandbox")
    void bareCommandRunsSandbox() {
        Cli cli = Cli.run();
        assertThat(cli.exit()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("== deepmail sandbox").containsPattern("all \\d+ expectations held");
    }

    @Test
    @DisplayName("DANE-05: TLSA records that do not match the servers' key fail the Implicit TLS endpoints, "
            + "with no PKIX fallback, and the run exits 1")
    void daneMismatchFails() {
        Cli cli = Cli.run("sandbox", "--fault", "DANE_MISMATCH");
        assertThat(cli.exit()).as(cli.toString()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(cli.out()).contains("[FAIL] IMAP mail.sandbox.test:", "DaneVerificationException")
                .containsPattern("\\d+ of \\d+ expectations FAILED: exit 1");
    }

    @Test
    @DisplayName("ID-01: SRV targets the certificate does not name fail the identity check and the run exits 1")
    void identityMismatchFails() {
        Cli cli = Cli.run("sandbox", "--fault", "IDENTITY_MISMATCH");
        assertThat(cli.exit()).as(cli.toString()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(cli.out()).contains("imposter.sandbox.test", "CertificateIdentityException")
                .containsPattern("\\d+ of \\d+ expectations FAILED: exit 1");
    }
}
