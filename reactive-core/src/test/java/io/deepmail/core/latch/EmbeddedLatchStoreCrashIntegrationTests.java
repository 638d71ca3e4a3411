package io.deepmail.core.latch;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.security.SecurityTag;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash safety of the embedded store: kill -9 in the middle of writes (L15). */
class EmbeddedLatchStoreCrashIntegrationTests {

    private static final int KILL_AFTER = 40;

    @TempDir
    Path dir;

    @Test
    @DisplayName("L15: after kill -9 in the middle of writes, every acknowledged raise is still in the reopened store")
    void acknowledgedRaisesSurviveKill() throws Exception {
        Path file = dir.resolve("latches.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), file.toString(), "alice@example.test")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Integer> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(Integer.parseInt(line.substring(4)));
                    if (acknowledged.size() == KILL_AFTER) {
                        // SIGKILL in the middle of the next write: no shutdown hook, no close. What the
                        // child printed after this line was never read, so it does not count as acknowledged.
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed, not finished").isNotZero();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AFTER);
        LatchStore reopened = LatchStores.embedded(file);
        try {
            LatchState state = reopened.load("alice@example.test").block(Duration.ofSeconds(10));
            for (int i : acknowledged) {
                assertThat(state.endpoint(ConcurrentWriters.endpoint(i)).state(SecurityTag.CERT_PKIX))
                        .as("acknowledged raise " + i).isEqualTo(TagState.NORMAL);
            }
        } finally {
            reopened.dispose();
        }
    }
}
