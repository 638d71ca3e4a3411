package io.deepmail.core;

import org.jspecify.annotations.Nullable;

/**
 * The latch store could not be read or written (REQUIREMENTS L15, LAT-18). deepmail fails closed:
 * a connection whose latches cannot be checked is refused before any credential, never treated
 * as having no latches. Retrying once the store is back may succeed; retrying on a weaker path
 * never helps.
 *
 * @since 0.1
 */
public class LatchStoreException extends TlsPolicyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message what failed
     * @param cause the store's failure, if any
     */
    public LatchStoreException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
