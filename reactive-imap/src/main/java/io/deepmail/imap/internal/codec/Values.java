package io.deepmail.imap.internal.codec;

import io.deepmail.imap.response.SequenceSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Conversions from {@link Token}s to Java values, each failing with a typed protocol violation. */
final class Values {

    private Values() {
    }

    static @Nullable String nstring(Token t) {
        if (t instanceof Token.Nil) {
            return null;
        }
        if (t instanceof Token.Str s) {
            return s.text();
        }
        if (t instanceof Token.Atom a) {
            return a.text();
        }
        throw TokenReader.violation("expected a string, got " + shorten(t));
    }

    static String string(Token t) {
        String s = nstring(t);
        if (s == null) {
            throw TokenReader.violation("expected a string, got NIL");
        }
        return s;
    }

    static long number(Token t) {
        if (t instanceof Token.Atom a) {
            try {
                long n = Long.parseLong(a.text());
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw TokenReader.violation("expected a number, got " + shorten(t));
    }

    /** A sequence set of numbers only, such as {@code 1:3,7} (no {@code *}). */
    static SequenceSet sequenceSet(Token t) {
        if (t instanceof Token.Atom a) {
            try {
                return SequenceSet.parse(a.text());
            } catch (IllegalArgumentException e) {
                throw TokenReader.violation("malformed sequence set " + shorten(a.text()));
            }
        }
        throw TokenReader.violation("expected a sequence set, got " + shorten(t));
    }

    static List<Token> list(Token t) {
        if (t instanceof Token.ListTok l) {
            return l.items();
        }
        throw TokenReader.violation("expected a list, got " + shorten(t));
    }

    static List<Token> listOrNil(Token t) {
        return t instanceof Token.Nil ? List.of() : list(t);
    }

    static List<String> atoms(Token t) {
        List<String> out = new ArrayList<>();
        for (Token item : list(t)) {
            out.add(string(item));
        }
        return out;
    }

    /** A parameter list {@code ("name" "value" ...)} or NIL; keys lower case. */
    static Map<String, String> parameters(Token t) {
        List<Token> items = listOrNil(t);
        if (items.size() % 2 != 0) {
            throw TokenReader.violation("odd parameter list");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i += 2) {
            String value = nstring(items.get(i + 1));
            out.put(string(items.get(i)).toLowerCase(Locale.ROOT), value == null ? "" : value);
        }
        return out;
    }

    static String shorten(Object o) {
        String s = String.valueOf(o);
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
