package io.deepmail.metrics.micrometer;

import io.deepmail.core.Endpoint;
import io.deepmail.core.metrics.MailPhase;
import io.micrometer.observation.Observation;
import java.util.Objects;

/**
 * The context of one observed phase: which phase, on which endpoint, with which verb or mechanism,
 * and, once it has ended, how. Its name is that of the phase's {@link MailObservations} entry.
 *
 * @since 0.1
 */
public final class MailObservationContext extends Observation.Context {

    /** The outcome of a phase that has not ended. */
    public static final String UNKNOWN = "unknown";

    /** The outcome of a phase that completed. */
    public static final String SUCCESS = "success";

    /** The outcome of a phase that failed; the failure is the context's error. */
    public static final String FAILURE = "failure";

    /** The outcome of a phase that was cancelled. */
    public static final String CANCELLED = "cancelled";

    private final MailPhase phase;
    private final Endpoint endpoint;
    private final String detail;
    private volatile String outcome = UNKNOWN;

    /**
     * A context for a phase that is about to start.
     *
     * @param phase the phase
     * @param endpoint the endpoint
     * @param detail the verb for commands, the mechanism for authentication, else empty
     */
    public MailObservationContext(MailPhase phase, Endpoint endpoint, String detail) {
        this.phase = Objects.requireNonNull(phase, "phase");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.detail = Objects.requireNonNull(detail, "detail");
        setName(MailObservations.of(phase).getName());
    }

    /**
     * The phase.
     *
     * @return the phase
     */
    public MailPhase phase() {
        return phase;
    }

    /**
     * The endpoint of the session.
     *
     * @return the endpoint
     */
    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * The verb of a command or the mechanism of an authentication, as deepmail passed it.
     *
     * @return the detail, empty for other phases
     */
    public String detail() {
        return detail;
    }

    /**
     * How the phase ended.
     *
     * @return {@link #SUCCESS}, {@link #FAILURE}, {@link #CANCELLED}, or {@link #UNKNOWN} while it runs
     */
    public String outcome() {
        return outcome;
    }

    void outcome(String value) {
        this.outcome = value;
    }
}
