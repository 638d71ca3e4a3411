package io.deepmail.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One sandbox per test class, with its CA and password in files, as a CLI user would have them. */
abstract class SandboxTestBase {

    @TempDir
    static Path dir;

    static SandboxFixture fixture;

    @BeforeAll
    static void startSandbox() {
        fixture = new SandboxFixture(dir);
    }

    @AfterAll
    static void stopSandbox() {
        fixture.close();
    }
}
