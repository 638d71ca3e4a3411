package io.deepmail.core.testkit;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Allows the one file read BlockHound cannot tell from blocking I/O in the SASL layer: the SCRAM
 * client nonce, drawn from the platform {@code SecureRandom}, which on Linux reads
 * {@code /dev/urandom} and never blocks. Netty allows the JDK's TLS engine for the same reason.
 * Registered through {@code META-INF/services}, so that every module using the test fixtures gets it.
 */
public final class SaslBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.deepmail.core.internal.sasl.Nonces", "next");
    }
}
