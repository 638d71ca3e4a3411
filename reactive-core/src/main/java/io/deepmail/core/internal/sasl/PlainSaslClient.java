package io.deepmail.core.internal.sasl;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** PLAIN (RFC 4616): {@code authzid NUL authcid NUL passwd}, one message, no challenge. */
final class PlainSaslClient extends ClientFirstSaslClient {

    private final String authzid;
    private final String authcid;
    private final String password;

    PlainSaslClient(String authzid, String authcid, String password) {
        super("PLAIN");
        Violations.requireNo('\0', authzid, "PLAIN", "authorization identity");
        Violations.requireNo('\0', authcid, "PLAIN", "user name");
        Violations.requireNo('\0', password, "PLAIN", "password");
        this.authzid = authzid;
        this.authcid = authcid;
        this.password = password;
    }

    @Override
    byte[] firstMessage() {
        byte[] z = authzid.getBytes(StandardCharsets.UTF_8);
        byte[] c = authcid.getBytes(StandardCharsets.UTF_8);
        byte[] p = password.getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[z.length + c.length + p.length + 2];
        System.arraycopy(z, 0, message, 0, z.length);
        System.arraycopy(c, 0, message, z.length + 1, c.length);
        System.arraycopy(p, 0, message, z.length + c.length + 2, p.length);
        Arrays.fill(p, (byte) 0);
        return message;
    }

    @Override
    byte[] next(byte[] challenge) {
        throw Violations.unexpected("PLAIN", "the server sent a challenge after the only message");
    }
}
