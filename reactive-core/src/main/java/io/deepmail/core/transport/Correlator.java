package io.deepmail.core.transport;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides which in-flight exchange an inbound response belongs to. The {@link ExchangeEngine}
 * asks once per response, on the event loop, and must not be called concurrently.
 *
 * <p>An exchange is in flight from the moment its commands start being written (at once for an
 * exchange without commands, such as awaiting a greeting) until the response its {@code isLast}
 * predicate accepts has arrived. The correlator sees the routing keys of the exchanges in flight,
 * oldest first: {@code null} for an exchange started without a key. Implementations must be
 * cheap, must not block and must not keep the list, which is a live view.
 *
 * @param <R> the decoded response type
 * @since 0.1
 */
public interface Correlator<R> {

    /**
     * Route the response to {@link ExchangeEngine#unsolicited()}: it belongs to no exchange but may
     * legitimately appear, such as IMAP untagged data with no command running.
     */
    int UNSOLICITED = -1;

    /**
     * The response belongs to no exchange and may not appear here. The engine fails every pending
     * exchange with a {@link io.deepmail.core.ProtocolViolationException} and closes the
     * connection, because responses and exchanges are out of step.
     */
    int UNEXPECTED = -2;

    /**
     * Chooses the exchange a response belongs to.
     *
     * @param response the decoded response; the correlator must neither retain nor release it
     * @param routingKeys the routing keys of the exchanges in flight, oldest first
     * @return the index in {@code routingKeys} of the exchange that receives the response, or
     *     {@link #UNSOLICITED}, or {@link #UNEXPECTED}
     */
    int route(R response, List<@Nullable Object> routingKeys);
}
