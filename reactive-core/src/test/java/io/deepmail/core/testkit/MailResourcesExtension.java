package io.deepmail.core.testkit;

import io.deepmail.core.MailResources;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link MailResources} per test class, created before the first test and disposed after
 * the last. Use as {@code @RegisterExtension static final MailResourcesExtension RESOURCES = new MailResourcesExtension();}.
 */
public final class MailResourcesExtension implements BeforeAllCallback, AfterAllCallback {

    private @Nullable MailResources resources;

    @Override
    public void beforeAll(ExtensionContext context) {
        resources = MailResources.create();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        MailResources r = resources;
        resources = null;
        if (r != null) {
            r.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    /**
     * The resources of the running test class.
     *
     * @return the resources
     */
    public MailResources get() {
        return Objects.requireNonNull(resources, "used outside the test class lifecycle");
    }
}
