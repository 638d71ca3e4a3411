package io.deepmail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bad arguments: one clear line on stderr, a non-zero exit, a stack trace only with --debug. */
class ErrorsUnitTests {

    @Test
    @DisplayName("an unknown option is one line and exit 2")
    void unknownOption() {
        Cli cli = Cli.run("sandbox", "--frobnicate");
        assertThat(cli.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(cli.err().lines()).hasSize(1).allMatch(l -> l.startsWith("deepmail: Unknown option"));
    }

    @Test
    @DisplayName("connect without --user is one line and exit 2")
    void missingUser() {
        Cli cli = Cli.run("connect", "imap", "--host", "mail.example.test", "--password-file", "x");
        assertThat(cli.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(cli.err().lines()).hasSize(1).allMatch(l -> l.contains("--user"));
    }

    @Test
    @DisplayName("an unknown protocol is one line and exit 2; with --debug the stack trace follows")
    void unknownProtocolAndDebug() throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("secret", ".txt");
        java.nio.file.Files.writeString(secret, "s3cret");
        Cli cli = Cli.run("connect", "smtp", "--user", "a@b.test", "--password-file", secret.toString(), "--host", "h");
        assertThat(cli.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(cli.err().lines()).hasSize(1).allMatch(l -> l.contains("unknown protocol 'smtp'"));
        Cli debug = Cli.run("connect", "smtp", "--user", "a@b.test", "--password-file", secret.toString(), "--host",
                "h", "--debug");
        assertThat(debug.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(debug.err().lines().count()).isGreaterThan(3);
        assertThat(debug.err()).contains("UsageException", "\tat ");
        java.nio.file.Files.delete(secret);
    }

    @Test
    @DisplayName("a URL of another protocol than the command's is one line and exit 2")
    void urlMismatch() {
        Cli cli = Cli.run("connect", "imap", "--user", "a@b.test", "--password-file", "/nonexistent", "--url",
                "pop3s://mail.example.test");
        assertThat(cli.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(cli.err().lines()).hasSize(1);
    }

    @Test
    @DisplayName("--help lists every subcommand and the exit codes")
    void help() {
        Cli cli = Cli.run("--help");
        assertThat(cli.exit()).isZero();
        assertThat(cli.out()).contains("sandbox", "probe", "connect", "latches", "audit", "Exit codes:",
                "latch violation");
        assertThat(cli.out()).containsPattern("6\\s+latch violation");
    }
}
