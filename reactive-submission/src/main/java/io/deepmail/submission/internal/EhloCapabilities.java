package io.deepmail.submission.internal;

import io.deepmail.submission.internal.codec.SmtpResponse;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one EHLO reply advertised: keyword to parameters. Keywords are upper-cased and the known
 * ones interned as constants, so unknown extensions pass through. A new instance is made for each
 * EHLO; the session keeps only the one from inside TLS (TLS-12).
 */
final class EhloCapabilities {

    static final String STARTTLS = "STARTTLS";
    static final String PIPELINING = "PIPELINING";
    static final String CHUNKING = "CHUNKING";
    static final String SIZE = "SIZE";
    static final String EIGHT_BIT_MIME = "8BITMIME";
    static final String SMTPUTF8 = "SMTPUTF8";
    static final String DSN = "DSN";
    static final String REQUIRETLS = "REQUIRETLS";
    static final String AUTH = "AUTH";
    static final String ENHANCED_STATUS_CODES = "ENHANCEDSTATUSCODES";

    private static final List<String> KNOWN = List.of(STARTTLS, PIPELINING, CHUNKING, SIZE, EIGHT_BIT_MIME, SMTPUTF8,
            DSN, REQUIRETLS, AUTH, ENHANCED_STATUS_CODES);

    /** After HELO: nothing is known. */
    static final EhloCapabilities NONE = new EhloCapabilities(Map.of());

    private final Map<String, String> keywords;

    private EhloCapabilities(Map<String, String> keywords) {
        this.keywords = keywords;
    }

    /** Parses an EHLO reply; its first line is the server's name and is skipped. */
    static EhloCapabilities parse(SmtpResponse reply) {
        Map<String, String> map = new LinkedHashMap<>();
        List<String> lines = reply.lines();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int sp = line.indexOf(' ');
            String keyword = intern((sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT));
            String params = sp < 0 ? "" : line.substring(sp + 1).strip();
            map.merge(keyword, params, (a, b) -> a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b);
        }
        return new EhloCapabilities(Collections.unmodifiableMap(map));
    }

    private static String intern(String keyword) {
        for (String known : KNOWN) {
            if (known.equals(keyword)) {
                return known;
            }
        }
        return keyword;
    }

    boolean has(String keyword) {
        return keywords.containsKey(keyword);
    }

    Set<String> keywords() {
        return keywords.keySet();
    }

    /** The SASL mechanisms after AUTH, upper case. */
    Set<String> authMechanisms() {
        String params = keywords.get(AUTH);
        if (params == null || params.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(params.split(" +")).map(m -> m.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The SIZE limit, 0 when none was given, -1 when SIZE is not offered. */
    long maxSize() {
        String params = keywords.get(SIZE);
        if (params == null) {
            return -1;
        }
        try {
            return params.isEmpty() ? 0 : Long.parseLong(params.split(" ")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return "EhloCapabilities" + keywords;
    }
}
