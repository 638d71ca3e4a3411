package io.deepmail.core.testkit;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The few calls BlockHound cannot tell from real blocking, allowed by name in every test JVM that
 * uses the test fixtures (registered through {@code META-INF/services}):
 * <ul>
 *   <li>the SCRAM client nonce, drawn from the platform {@code SecureRandom}, which on Linux reads
 *       {@code /dev/urandom} and never blocks (Netty allows the JDK's TLS engine for the same reason);</li>
 *   <li>Lettuce's endpoint {@code SharedLock}, which parks a writer for the moment an exclusive
 *       section (reconnect, close) holds it. Failing there leaves Lettuce's writer count raised, and a
 *       later close then spins forever.</li>
 * </ul>
 */
public final class KnownSafeBlockingIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.deepmail.core.internal.sasl.Nonces", "next");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "lockWritersExclusive");
    }
}
