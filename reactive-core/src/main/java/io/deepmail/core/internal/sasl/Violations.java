package io.deepmail.core.internal.sasl;

import io.deepmail.core.ProtocolViolationException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Failures and checks shared by the mechanisms; messages never carry challenge or secret bytes. */
final class Violations {

    private Violations() {
    }

    static ProtocolViolationException unexpected(String mechanism, String what) {
        return new ProtocolViolationException("SASL " + mechanism + ": " + what);
    }

    /** Decodes server text as strict UTF-8. */
    static String utf8(String mechanism, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw unexpected(mechanism, "the server's message is not valid UTF-8");
        }
    }

    /** Rejects a credential field that contains a separator the mechanism reserves. */
    static void requireNo(char separator, String value, String mechanism, String field) {
        if (value.indexOf(separator) >= 0) {
            throw new IllegalArgumentException(mechanism + ": the " + field + " contains a reserved control character");
        }
    }
}
