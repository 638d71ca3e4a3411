package io.deepmail.core.internal.sasl;

import com.ongres.scram.common.ScramFunctions;
import java.security.SecureRandom;

/**
 * SCRAM client nonces: 24 printable characters (no comma) from the platform's {@link SecureRandom}.
 *
 * <p>On Linux the default {@code SecureRandom} reads {@code /dev/urandom}, which never blocks but
 * is a file read, so BlockHound flags it on a non-blocking thread, exactly as it would flag the
 * JDK's TLS engine (which Netty's own BlockHound integration allows for the same reason). The test
 * fixtures allow blocking calls inside {@link #next()} and nowhere else in this package.
 */
final class Nonces {

    /** Printable client nonce length, from 18 random bytes. */
    private static final int LENGTH = 24;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Nonces() {
    }

    static String next() {
        return ScramFunctions.nonce(LENGTH, RANDOM);
    }
}
