package io.deepmail.core.testkit;

/** Formatting helpers for failure messages of the scripted server. */
final class Transcripts {

    private static final int PREVIEW = 200;

    private Transcripts() {
    }

    /**
     * Quotes text for a message, escaping CR, LF and other control characters, and cutting it
     * after {@value #PREVIEW} characters.
     *
     * @param text the text, one character per byte
     * @return the quoted form
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), PREVIEW) + 8).append('"');
        int end = Math.min(text.length(), PREVIEW);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        if (text.length() > PREVIEW) {
            out.append("... (").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
