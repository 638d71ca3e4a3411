package io.deepmail.core.internal.sasl;

/**
 * EXTERNAL (RFC 4422 Appendix A) with an empty authorization identity: the identity is the one
 * the TLS client certificate established, so the only message is empty.
 */
final class ExternalSaslClient extends ClientFirstSaslClient {

    ExternalSaslClient() {
        super("EXTERNAL");
    }

    @Override
    byte[] firstMessage() {
        return new byte[0];
    }

    @Override
    byte[] next(byte[] challenge) {
        throw Violations.unexpected("EXTERNAL", "the server sent a challenge after the only message");
    }
}
