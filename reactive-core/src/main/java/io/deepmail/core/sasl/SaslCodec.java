package io.deepmail.core.sasl;

import io.deepmail.core.ProtocolViolationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The base64 framing every SASL profile uses (RFC 4648 §4, no line breaks): IMAP AUTHENTICATE,
 * POP3 AUTH and SMTP AUTH all carry challenges and responses this way. Decoding is strict, because
 * everything decoded here comes from the server.
 *
 * @since 0.1
 */
public final class SaslCodec {

    /**
     * The line a client sends instead of a response to abort the exchange (RFC 9051 §6.2.2,
     * RFC 5034 §4, RFC 4954 §4).
     */
    public static final String CANCEL = "*";

    /**
     * What IMAP SASL-IR (RFC 4959 §3) and SMTP AUTH (RFC 4954 §4) send for a present but empty
     * initial response; POP3 AUTH (RFC 5034 §4) uses the same.
     */
    public static final String EMPTY_INITIAL_RESPONSE = "=";

    private SaslCodec() {
    }

    /**
     * Encodes a response to a challenge. An empty response becomes an empty line.
     *
     * @param response the response bytes
     * @return the base64 text, without padding removed or line breaks added
     */
    public static String encode(byte[] response) {
        return Base64.getEncoder().encodeToString(response);
    }

    /**
     * Encodes an initial response for the command line. An empty response becomes
     * {@link #EMPTY_INITIAL_RESPONSE}, because an absent argument would mean "no initial response".
     *
     * @param initialResponse the initial response bytes
     * @return the base64 text, or {@code "="} when empty
     */
    public static String encodeInitialResponse(byte[] initialResponse) {
        return initialResponse.length == 0 ? EMPTY_INITIAL_RESPONSE : encode(initialResponse);
    }

    /**
     * Decodes a challenge strictly: only the RFC 4648 alphabet, correct padding, a length that is a
     * multiple of four, and zero unused bits. An empty text is an empty challenge.
     *
     * @param challenge the text after {@code "+ "} or {@code "334 "}
     * @return the decoded bytes
     * @throws ProtocolViolationException when the text is not canonical base64; the message does not
     *     echo the text
     */
    public static byte[] decode(CharSequence challenge) {
        String text = challenge.toString();
        if (text.length() % 4 != 0) {
            throw invalid(text, "its length is not a multiple of four");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid(text, "it has a character outside the base64 alphabet or misplaced padding");
        }
        byte[] canonical = Base64.getEncoder().encode(decoded);
        if (!Arrays.equals(canonical, text.getBytes(StandardCharsets.ISO_8859_1))) {
            throw invalid(text, "it is not in canonical form");
        }
        return decoded;
    }

    private static ProtocolViolationException invalid(String text, String why) {
        return new ProtocolViolationException("the server sent a SASL challenge of " + text.length()
                + " characters that is not valid base64: " + why);
    }
}
