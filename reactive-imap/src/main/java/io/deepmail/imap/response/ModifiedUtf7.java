package io.deepmail.imap.response;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Modified UTF-7 for mailbox names (RFC 3501 §5.1.3), used unless UTF8=ACCEPT is enabled.
 *
 * @since 0.1
 */
public final class ModifiedUtf7 {

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private ModifiedUtf7() {
    }

    /**
     * Encodes a mailbox name.
     *
     * @param name the name in Unicode
     * @return the modified UTF-7 form
     */
    public static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        StringBuilder pending = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x20 && c <= 0x7e) {
                flush(pending, out);
                out.append(c == '&' ? "&-" : String.valueOf(c));
            } else {
                pending.append(c);
            }
        }
        flush(pending, out);
        return out.toString();
    }

    private static void flush(StringBuilder pending, StringBuilder out) {
        if (pending.length() == 0) {
            return;
        }
        byte[] utf16 = pending.toString().getBytes(StandardCharsets.UTF_16BE);
        out.append('&').append(ENCODER.encodeToString(utf16).replace('/', ',')).append('-');
        pending.setLength(0);
    }

    /**
     * Decodes a mailbox name.
     *
     * @param name the modified UTF-7 form
     * @return the name in Unicode, or {@code name} unchanged if it is not valid modified UTF-7
     */
    public static String decode(String name) {
        StringBuilder out = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int end = name.indexOf('-', i + 1);
            if (end < 0) {
                return name;
            }
            if (end == i + 1) {
                out.append('&');
            } else {
                try {
                    byte[] utf16 = Base64.getDecoder().decode(name.substring(i + 1, end).replace(',', '/'));
                    out.append(StandardCharsets.UTF_16BE.decode(ByteBuffer.wrap(utf16)));
                } catch (IllegalArgumentException e) {
                    return name;
                }
            }
            i = end + 1;
        }
        return out.toString();
    }
}
