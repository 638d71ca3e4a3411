package io.deepmail.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Sandbox} is started. Immutable; {@link #defaults()} is the healthy sandbox with its
 * latch store in a temporary directory removed on close.
 *
 * @param latchDirectory where the embedded latch store lives; {@code null} for a temporary directory
 *     that {@link Sandbox#close()} removes
 * @param fault a deliberate fault, {@link SandboxFault#NONE} by default
 * @param scriptTimeout how long the scripted STARTTLS servers wait for each client line
 * @since 0.1
 */
public record SandboxOptions(@Nullable Path latchDirectory, SandboxFault fault, Duration scriptTimeout) {

    /** How long a scripted server waits for each client line unless told otherwise: 30 seconds. */
    public static final Duration DEFAULT_SCRIPT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Validates the options.
     *
     * @param latchDirectory the latch directory, or {@code null}
     * @param fault the fault
     * @param scriptTimeout the scripted servers' step timeout
     */
    public SandboxOptions {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(scriptTimeout, "scriptTimeout");
        if (scriptTimeout.isNegative() || scriptTimeout.isZero()) {
            throw new IllegalArgumentException("scriptTimeout must be positive");
        }
    }

    /**
     * The healthy sandbox with a temporary latch store.
     *
     * @return the defaults
     */
    public static SandboxOptions defaults() {
        return new SandboxOptions(null, SandboxFault.NONE, DEFAULT_SCRIPT_TIMEOUT);
    }

    /**
     * A copy with the latch store in {@code directory}, which is kept on close.
     *
     * @param directory the directory
     * @return a copy
     */
    public SandboxOptions withLatchDirectory(Path directory) {
        return new SandboxOptions(Objects.requireNonNull(directory, "directory"), fault, scriptTimeout);
    }

    /**
     * A copy started with a deliberate fault.
     *
     * @param newFault the fault
     * @return a copy
     */
    public SandboxOptions withFault(SandboxFault newFault) {
        return new SandboxOptions(latchDirectory, newFault, scriptTimeout);
    }
}
