package io.deepmail.pop3.internal;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.pop3.Pop3Capabilities;
import io.deepmail.pop3.Pop3ListEntry;
import io.deepmail.pop3.Pop3Stat;
import io.deepmail.pop3.Pop3UidlEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses the text of STAT, LIST, UIDL and CAPA answers; anything malformed is a protocol violation. */
final class Listings {

    /** Most capability lines accepted; a longer list is hostile. */
    static final int MAX_CAPABILITIES = 256;

    /** Most arguments of one capability (such as SASL mechanisms) accepted. */
    static final int MAX_CAPABILITY_ARGUMENTS = 64;

    private static final int MAX_UID_LENGTH = 70;

    private Listings() {
    }

    static Pop3Stat stat(String text) {
        String[] f = fields(text, "STAT");
        return new Pop3Stat(number(f[0], "STAT"), size(f[1], "STAT"));
    }

    static Pop3ListEntry listEntry(String line) {
        String[] f = fields(line, "LIST");
        return new Pop3ListEntry(number(f[0], "LIST"), size(f[1], "LIST"));
    }

    static Pop3UidlEntry uidlEntry(String line) {
        String[] f = fields(line, "UIDL");
        String uid = f[1];
        if (uid.length() > MAX_UID_LENGTH || uid.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new ProtocolViolationException("UIDL returned a malformed unique id");
        }
        return new Pop3UidlEntry(number(f[0], "UIDL"), uid);
    }

    static List<Pop3ListEntry> list(List<String> lines) {
        List<Pop3ListEntry> out = new ArrayList<>(lines.size());
        lines.forEach(l -> out.add(listEntry(l)));
        return List.copyOf(out);
    }

    static List<Pop3UidlEntry> uidl(List<String> lines) {
        List<Pop3UidlEntry> out = new ArrayList<>(lines.size());
        lines.forEach(l -> out.add(uidlEntry(l)));
        return List.copyOf(out);
    }

    static Pop3Capabilities capabilities(List<String> lines) {
        if (lines.size() > MAX_CAPABILITIES) {
            throw new ProtocolViolationException("CAPA listed " + lines.size() + " capabilities, more than "
                    + MAX_CAPABILITIES);
        }
        Map<String, List<String>> entries = new LinkedHashMap<>();
        for (String line : lines) {
            String[] words = line.strip().split(" +");
            if (words[0].isEmpty()) {
                continue;
            }
            if (words.length - 1 > MAX_CAPABILITY_ARGUMENTS) {
                throw new ProtocolViolationException("CAPA listed " + (words.length - 1) + " arguments for "
                        + words[0] + ", more than " + MAX_CAPABILITY_ARGUMENTS);
            }
            entries.put(words[0].toUpperCase(Locale.ROOT), List.of(words).subList(1, words.length));
        }
        return new Pop3Capabilities(entries);
    }

    private static String[] fields(String text, String command) {
        String[] f = text.strip().split(" +");
        if (f.length < 2) {
            throw new ProtocolViolationException(command + " returned a malformed answer");
        }
        return f;
    }

    private static int number(String s, String command) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new ProtocolViolationException(command + " returned a malformed message number");
    }

    private static long size(String s, String command) {
        try {
            long n = Long.parseLong(s);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new ProtocolViolationException(command + " returned a malformed size");
    }
}
