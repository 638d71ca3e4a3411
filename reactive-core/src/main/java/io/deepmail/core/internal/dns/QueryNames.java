package io.deepmail.core.internal.dns;

import java.net.IDN;
import java.util.Locale;

/** Checks and normalises the names deepmail queries: A-labels, lower-case, no trailing dot. */
final class QueryNames {

    private static final int MAX_NAME_CHARS = 253;
    private static final int MAX_LABEL_CHARS = 63;

    private QueryNames() {
    }

    /**
     * Normalises a name.
     *
     * @param name for example {@code _imaps._tcp.Example.COM.} or a Unicode name
     * @return for example {@code _imaps._tcp.example.com}
     * @throws IllegalArgumentException when the name is empty, too long, has an empty or oversized
     *     label, or cannot be converted to A-labels
     */
    static String normalize(String name) {
        String n = name.strip();
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        n = IDN.toASCII(n, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        if (n.isEmpty() || n.length() > MAX_NAME_CHARS) {
            throw new IllegalArgumentException("not a DNS name: '" + name + "'");
        }
        for (String label : n.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > MAX_LABEL_CHARS) {
                throw new IllegalArgumentException("not a DNS name: '" + name + "'");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                    throw new IllegalArgumentException("not a DNS name: '" + name + "'");
                }
            }
        }
        return n;
    }
}
