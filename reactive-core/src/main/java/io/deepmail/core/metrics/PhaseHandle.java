package io.deepmail.core.metrics;

/**
 * An opaque handle on a running {@link MailPhase}, returned by
 * {@link MailClientMetricsRecorder#startPhase}. deepmail ends each phase with one of the three
 * methods; a cancellation can race with the phase's own end, so implementations act on the first
 * call and ignore later ones. Called on event loops: implementations must not block.
 *
 * @since 0.1
 */
public interface PhaseHandle {

    /** A handle that ignores every call. */
    PhaseHandle NOOP = new PhaseHandle() {
        @Override
        public void succeeded() {
        }

        @Override
        public void failed(Throwable failure) {
        }

        @Override
        public void cancelled() {
        }
    };

    /** The phase completed. */
    void succeeded();

    /**
     * The phase failed.
     *
     * @param failure the typed failure
     */
    void failed(Throwable failure);

    /** The phase was cancelled before it ended, for example because another race attempt won. */
    void cancelled();
}
