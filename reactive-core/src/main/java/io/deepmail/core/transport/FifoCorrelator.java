package io.deepmail.core.transport;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Routes every response to the oldest exchange in flight, for protocols whose replies carry no
 * tag and arrive in command order: POP3, and SMTP with or without PIPELINING (RFC 2920). Routing
 * keys are ignored. A response that arrives while no exchange is in flight is
 * {@link Correlator#UNEXPECTED}: these protocols never send unsolicited data.
 *
 * @param <R> the decoded response type
 * @since 0.1
 */
public final class FifoCorrelator<R> implements Correlator<R> {

    private static final FifoCorrelator<?> INSTANCE = new FifoCorrelator<>();

    private FifoCorrelator() {
    }

    /**
     * The shared instance; it holds no state.
     *
     * @param <R> the decoded response type
     * @return the FIFO correlator
     */
    @SuppressWarnings("unchecked")
    public static <R> FifoCorrelator<R> instance() {
        return (FifoCorrelator<R>) INSTANCE;
    }

    /**
     * Chooses the oldest exchange in flight.
     *
     * @param response the decoded response
     * @param routingKeys the routing keys of the exchanges in flight, oldest first
     * @return {@code 0}, or {@link Correlator#UNEXPECTED} when no exchange is in flight
     */
    @Override
    public int route(R response, List<@Nullable Object> routingKeys) {
        return routingKeys.isEmpty() ? UNEXPECTED : 0;
    }

    @Override
    public String toString() {
        return "FifoCorrelator";
    }
}
