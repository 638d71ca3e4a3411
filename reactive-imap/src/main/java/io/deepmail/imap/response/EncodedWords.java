package io.deepmail.imap.response;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded words ({@code =?charset?B|Q?text?=}) in header text. Whitespace
 * between adjacent encoded words is dropped (RFC 2047 §6.2); a word that cannot be decoded is
 * left as it was.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern GAP = Pattern.compile("[ \\t\\r\\n]+");

    private EncodedWords() {
    }

    static String decode(String text) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        boolean previousWasWord = false;
        while (m.find()) {
            String between = text.substring(last, m.start());
            if (!(previousWasWord && GAP.matcher(between).matches())) {
                out.append(between);
            }
            String decoded = word(m.group(1), m.group(2), m.group(3));
            out.append(decoded == null ? m.group() : decoded);
            previousWasWord = decoded != null;
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }

    private static @org.jspecify.annotations.Nullable String word(String charsetName, String encoding, String payload) {
        try {
            String name = charsetName;
            int star = name.indexOf('*'); // RFC 2231 language suffix
            if (star >= 0) {
                name = name.substring(0, star);
            }
            Charset charset = Charset.forName(name);
            byte[] bytes = encoding.equalsIgnoreCase("B") ? Base64.getMimeDecoder().decode(payload) : q(payload);
            return new String(bytes, charset);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] q(String payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length());
        byte[] in = payload.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '_') {
                out.write(' ');
            } else if (b == '=' && i + 2 < in.length) {
                out.write(Integer.parseInt(payload.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
