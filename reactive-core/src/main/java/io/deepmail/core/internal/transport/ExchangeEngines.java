package io.deepmail.core.internal.transport;

import io.deepmail.core.transport.Correlator;
import io.deepmail.core.transport.ExchangeEngine;
import io.deepmail.core.transport.ExchangeOptions;

/**
 * Creates exchange engines; reached through {@link ExchangeEngine#create}. Internal: not API.
 *
 * @since 0.1
 */
public final class ExchangeEngines {

    private ExchangeEngines() {
    }

    /**
     * Creates an engine that is not yet installed in a channel pipeline.
     *
     * @param correlator routes responses to exchanges
     * @param options bounds and ordering
     * @param <C> the command type
     * @param <R> the response type
     * @return a new engine
     */
    public static <C, R> ExchangeEngine<C, R> create(Correlator<R> correlator, ExchangeOptions options) {
        return new DefaultExchangeEngine<>(correlator, options);
    }
}
