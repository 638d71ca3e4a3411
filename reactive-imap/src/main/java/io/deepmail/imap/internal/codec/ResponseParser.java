package io.deepmail.imap.internal.codec;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.imap.response.CapabilityData;
import io.deepmail.imap.response.Continuation;
import io.deepmail.imap.response.ESearchData;
import io.deepmail.imap.response.EnabledData;
import io.deepmail.imap.response.ExistsData;
import io.deepmail.imap.response.ExpungeData;
import io.deepmail.imap.response.FlagsData;
import io.deepmail.imap.response.IdData;
import io.deepmail.imap.response.ImapResponse;
import io.deepmail.imap.response.ListData;
import io.deepmail.imap.response.NamespaceData;
import io.deepmail.imap.response.OtherData;
import io.deepmail.imap.response.ResponseCode;
import io.deepmail.imap.response.SearchData;
import io.deepmail.imap.response.SequenceSet;
import io.deepmail.imap.response.StatusData;
import io.deepmail.imap.response.StatusResponse;
import io.deepmail.imap.response.Tagged;
import io.deepmail.imap.response.UntaggedStatus;
import io.deepmail.imap.response.VanishedData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one central dispatch from a complete response (its fragments) to a typed
 * {@link ImapResponse}. Status text is taken verbatim from the line; data is tokenized.
 */
final class ResponseParser {

    private ResponseParser() {
    }

    static ImapResponse parse(List<Fragment> fragments, int maxNesting) {
        return parse(fragments, maxNesting, false);
    }

    /**
     * Parses one response.
     *
     * @param fragments the response's lines and literals
     * @param maxNesting the nesting bound
     * @param utf8 whether mailbox names are UTF-8 (UTF8=ACCEPT or IMAP4rev2 enabled)
     */
    static ImapResponse parse(List<Fragment> fragments, int maxNesting, boolean utf8) {
        byte[] first = ((Fragment.Line) fragments.get(0)).bytes();
        if (first.length > 0 && first[0] == '+') {
            single(fragments);
            return new Continuation(text(first, first.length > 1 && first[1] == ' ' ? 2 : 1));
        }
        int sp = indexOf(first, (byte) ' ', 0);
        if (sp <= 0) {
            throw TokenReader.violation("no tag");
        }
        String tag = new String(first, 0, sp, StandardCharsets.US_ASCII);
        if (tag.equals("*")) {
            return untagged(fragments, first, sp + 1, maxNesting, utf8);
        }
        if (!validTag(tag)) {
            throw TokenReader.violation("invalid tag");
        }
        single(fragments);
        StatusResponse status = status(first, sp + 1);
        if (status.kind() != StatusResponse.Kind.OK && status.kind() != StatusResponse.Kind.NO
                && status.kind() != StatusResponse.Kind.BAD) {
            throw TokenReader.violation("tagged " + status.kind());
        }
        return new Tagged(tag, status);
    }

    private static ImapResponse untagged(List<Fragment> fragments, byte[] first, int start, int maxNesting,
            boolean utf8) {
        int sp = indexOf(first, (byte) ' ', start);
        int end = sp < 0 ? first.length : sp;
        String word = new String(first, start, end - start, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
        long number = -1;
        int rest = sp < 0 ? first.length : sp + 1;
        if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
            number = parseNumber(word);
            int sp2 = indexOf(first, (byte) ' ', rest);
            int end2 = sp2 < 0 ? first.length : sp2;
            if (rest >= first.length) {
                throw TokenReader.violation("number without keyword");
            }
            word = new String(first, rest, end2 - rest, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
            rest = sp2 < 0 ? first.length : sp2 + 1;
        }
        if (number >= 0) {
            switch (word) {
                case "EXISTS" -> {
                    single(fragments);
                    return new ExistsData(number);
                }
                case "EXPUNGE" -> {
                    single(fragments);
                    return new ExpungeData(number);
                }
                case "FETCH" -> {
                    return FetchParser.parse(number, new TokenReader(fragments, rest, maxNesting));
                }
                default -> {
                    single(fragments);
                    return new OtherData(word, number, text(first, rest));
                }
            }
        }
        switch (word) {
            case "OK", "NO", "BAD", "BYE", "PREAUTH" -> {
                single(fragments);
                return new UntaggedStatus(status(first, start));
            }
            case "CAPABILITY" -> {
                single(fragments);
                return new CapabilityData(words(text(first, rest)));
            }
            case "ENABLED" -> {
                single(fragments);
                return new EnabledData(words(text(first, rest)));
            }
            case "FLAGS" -> {
                TokenReader r = new TokenReader(fragments, rest, maxNesting);
                FlagsData data = new FlagsData(Values.atoms(r.next()));
                end(r);
                return data;
            }
            case "LIST", "LSUB" -> {
                return list(new TokenReader(fragments, rest, maxNesting), utf8);
            }
            case "STATUS" -> {
                return status(new TokenReader(fragments, rest, maxNesting));
            }
            case "SEARCH" -> {
                return search(new TokenReader(fragments, rest, maxNesting));
            }
            case "ESEARCH" -> {
                return esearch(new TokenReader(fragments, rest, maxNesting));
            }
            case "ID" -> {
                return id(new TokenReader(fragments, rest, maxNesting));
            }
            case "NAMESPACE" -> {
                return namespace(new TokenReader(fragments, rest, maxNesting));
            }
            case "VANISHED" -> {
                return vanished(new TokenReader(fragments, rest, maxNesting));
            }
            default -> {
                if (word.isEmpty()) {
                    throw TokenReader.violation("empty untagged response");
                }
                return new OtherData(word, -1, fragments.size() == 1 ? text(first, rest) : text(first, rest) + " ...");
            }
        }
    }

    /** {@code VANISHED [(EARLIER)] known-uids} (RFC 7162 §3.2.10). */
    private static VanishedData vanished(TokenReader r) {
        Token t = r.next();
        boolean earlier = false;
        if (t instanceof Token.ListTok tag) {
            if (tag.items().size() != 1 || !Values.string(tag.items().get(0)).equalsIgnoreCase("EARLIER")) {
                throw TokenReader.violation("unknown VANISHED tag");
            }
            earlier = true;
            t = r.next();
        }
        SequenceSet uids = Values.sequenceSet(t);
        end(r);
        return new VanishedData(earlier, uids);
    }

    private static ListData list(TokenReader r, boolean utf8) {
        List<String> attributes = Values.atoms(r.next());
        String delimiter = Values.nstring(r.next());
        String mailbox = Values.string(r.next());
        if (!r.atEnd()) {
            r.next(); // LIST-EXTENDED data (RFC 5258 §4.1): not modelled
        }
        end(r);
        return new ListData(attributes, delimiter, mailbox, utf8);
    }

    private static StatusData status(TokenReader r) {
        String mailbox = Values.string(r.next());
        List<Token> items = Values.list(r.next());
        if (items.size() % 2 != 0) {
            throw TokenReader.violation("odd STATUS list");
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i += 2) {
            values.put(Values.string(items.get(i)).toUpperCase(Locale.ROOT), Values.number(items.get(i + 1)));
        }
        end(r);
        return new StatusData(mailbox, values);
    }

    private static SearchData search(TokenReader r) {
        List<Long> numbers = new ArrayList<>();
        while (!r.atEnd()) {
            Token t = r.next();
            if (t instanceof Token.ListTok) {
                continue; // (MODSEQ n), RFC 7162
            }
            numbers.add(Values.number(t));
        }
        return new SearchData(numbers);
    }

    /** {@code [search-correlator] [SP "UID"] *(SP name SP value)} (RFC 4731 §3.1, RFC 4466 §2.6.2). */
    private static ESearchData esearch(TokenReader r) {
        String tag = null;
        boolean uid = false;
        long min = -1;
        long max = -1;
        long count = -1;
        String all = null;
        Map<String, String> other = new LinkedHashMap<>();
        boolean first = true;
        while (!r.atEnd()) {
            Token t = r.next();
            if (first && t instanceof Token.ListTok correlator) {
                List<Token> items = correlator.items();
                if (items.size() != 2 || !Values.string(items.get(0)).equalsIgnoreCase("TAG")) {
                    throw TokenReader.violation("malformed ESEARCH correlator");
                }
                tag = Values.string(items.get(1));
                first = false;
                continue;
            }
            first = false;
            String name = Values.string(t).toUpperCase(Locale.ROOT);
            if (name.equals("UID")) {
                uid = true;
                continue;
            }
            if (r.atEnd()) {
                throw TokenReader.violation("ESEARCH item " + Values.shorten(name) + " without a value");
            }
            Token value = r.next();
            switch (name) {
                case "MIN" -> min = Values.number(value);
                case "MAX" -> max = Values.number(value);
                case "COUNT" -> count = Values.number(value);
                case "ALL" -> all = sequenceSet(Values.string(value));
                default -> other.put(name, value instanceof Token.ListTok ? "(...)" : Values.shorten(
                        String.valueOf(Values.nstring(value))));
            }
        }
        return new ESearchData(tag, uid, min, max, count, all, other);
    }

    private static String sequenceSet(String set) {
        for (int i = 0; i < set.length(); i++) {
            char c = set.charAt(i);
            if (!(c >= '0' && c <= '9' || c == ':' || c == ',')) {
                throw TokenReader.violation("malformed sequence set in ESEARCH ALL");
            }
        }
        return set;
    }

    /** {@code ID ("name" "value" ...)} or {@code ID NIL} (RFC 2971 §3.2). */
    private static IdData id(TokenReader r) {
        List<Token> items = Values.listOrNil(r.next());
        end(r);
        if (items.size() % 2 != 0 || items.size() > 60) {
            throw TokenReader.violation("malformed ID list");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i += 2) {
            String value = Values.nstring(items.get(i + 1));
            if (value != null) {
                values.put(Values.string(items.get(i)), value);
            }
        }
        return new IdData(values);
    }

    /** {@code NAMESPACE personal other shared}, each NIL or a list of {@code (prefix delimiter ...)}. */
    private static NamespaceData namespace(TokenReader r) {
        List<NamespaceData.Entry> personal = namespaces(r.next());
        List<NamespaceData.Entry> other = namespaces(r.next());
        List<NamespaceData.Entry> shared = namespaces(r.next());
        end(r);
        return new NamespaceData(personal, other, shared);
    }

    private static List<NamespaceData.Entry> namespaces(Token t) {
        List<NamespaceData.Entry> out = new ArrayList<>();
        for (Token item : Values.listOrNil(t)) {
            List<Token> parts = Values.list(item);
            if (parts.size() < 2) {
                throw TokenReader.violation("malformed NAMESPACE entry");
            }
            out.add(new NamespaceData.Entry(Values.string(parts.get(0)), Values.nstring(parts.get(1))));
        }
        return out;
    }

    private static void end(TokenReader r) {
        if (!r.atEnd()) {
            throw TokenReader.violation("unexpected data at the end of the response");
        }
    }

    /** {@code OK|NO|BAD|BYE|PREAUTH [SP "[" code "]"] [SP text]} starting at {@code start}. */
    static StatusResponse status(byte[] line, int start) {
        int sp = indexOf(line, (byte) ' ', start);
        int end = sp < 0 ? line.length : sp;
        String word = new String(line, start, end - start, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
        StatusResponse.Kind kind;
        try {
            kind = StatusResponse.Kind.valueOf(word);
        } catch (IllegalArgumentException e) {
            throw TokenReader.violation("unknown status");
        }
        if (sp < 0) {
            return new StatusResponse(kind, null, "");
        }
        int p = sp + 1;
        ResponseCode code = null;
        if (p < line.length && line[p] == '[') {
            int close = indexOf(line, (byte) ']', p);
            if (close < 0) {
                throw TokenReader.violation("unterminated response code");
            }
            String inner = new String(line, p + 1, close - p - 1, StandardCharsets.UTF_8);
            int space = inner.indexOf(' ');
            code = space < 0 ? new ResponseCode(inner, "") : new ResponseCode(inner.substring(0, space),
                    inner.substring(space + 1));
            if (code.name().isEmpty()) {
                throw TokenReader.violation("empty response code");
            }
            p = close + 1;
            if (p < line.length && line[p] == ' ') {
                p++;
            }
        }
        return new StatusResponse(kind, code, text(line, p));
    }

    private static java.util.Set<String> words(String text) {
        return Arrays.stream(text.strip().split(" +")).filter(w -> !w.isEmpty())
                .map(w -> w.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static void single(List<Fragment> fragments) {
        if (fragments.size() != 1) {
            throw new ProtocolViolationException("malformed IMAP response: a literal where none may appear");
        }
    }

    private static boolean validTag(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "(){%*\"\\]+".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static long parseNumber(String word) {
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException e) {
            throw TokenReader.violation("bad number");
        }
    }

    private static String text(byte[] line, int from) {
        return from >= line.length ? "" : new String(line, from, line.length - from, StandardCharsets.UTF_8);
    }

    static int indexOf(byte[] line, byte b, int from) {
        for (int i = from; i < line.length; i++) {
            if (line[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
