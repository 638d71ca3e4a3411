package io.deepmail.core.internal.sasl;

import io.deepmail.core.sasl.SaslCodec;
import java.nio.charset.StandardCharsets;

/** Test shorthand for SASL bytes. */
final class Bytes {

    private Bytes() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static byte[] b64(String s) {
        return SaslCodec.decode(s);
    }
}
