package io.deepmail.core.testkit;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reported a buffer leak while it ran. Auto-registered in every
 * test JVM through {@code META-INF/services} (the build enables extension auto-detection).
 */
public final class LeakDetectionExtension implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (!LeakRecorder.installed()) {
            throw new AssertionError("the leak recorder was not installed before the tests ran");
        }
        List<String> leaks = LeakRecorder.drain();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty buffer leak(s) reported while "
                    + context.getDisplayName() + " ran:\n" + String.join("\n", leaks));
        }
    }
}
