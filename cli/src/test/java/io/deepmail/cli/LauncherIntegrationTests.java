package io.deepmail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The packaged tool: {@code target/deepmail.jar} with {@code target/lib}, run in its own JVM as the launcher runs it. */
class LauncherIntegrationTests {

    private static final Path JAR = Path.of("target", "deepmail.jar");

    private record Run(int exit, String out) {
    }

    private static Run java(String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("deepmail-launcher", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the packaged tool did not finish: " + Files.readString(output));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @Test
    @DisplayName("the packaged jar runs the sandbox to exit 0 in a fresh JVM")
    void packagedSandbox() throws Exception {
        assertThat(JAR).exists();
        Run run = java();
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("all \\d+ expectations held: exit 0").doesNotContain("Exception in thread");
    }

    @Test
    @DisplayName("the packaged jar prints its usage, and a bad option is one line with exit 2")
    void packagedUsage() throws Exception {
        assertThat(java("--help").out()).contains("Usage: deepmail", "Exit codes:");
        Run bad = java("--nope");
        assertThat(bad.exit()).isEqualTo(ExitCode.USAGE.code());
        assertThat(bad.out().lines()).hasSize(1);
    }
}
