package io.deepmail.imap.internal.codec;

import io.deepmail.imap.response.Address;
import io.deepmail.imap.response.Envelope;
import io.deepmail.imap.response.FetchData;
import io.deepmail.imap.response.SectionData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Maps the item list of {@code * n FETCH (...)} to {@link FetchData}. */
final class FetchParser {

    private FetchParser() {
    }

    static FetchData parse(long sequence, TokenReader reader) {
        List<Token> items = Values.list(reader.next());
        if (!reader.atEnd()) {
            throw TokenReader.violation("data after the FETCH item list");
        }
        if (items.size() % 2 != 0) {
            throw TokenReader.violation("odd FETCH item list");
        }
        Long uid = null;
        List<String> flags = null;
        Long size = null;
        String internalDate = null;
        Long modSeq = null;
        Envelope envelope = null;
        io.deepmail.imap.response.BodyStructure structure = null;
        List<SectionData> sections = new ArrayList<>();
        Map<String, Long> binarySizes = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i += 2) {
            String name = Values.string(items.get(i));
            String upper = name.toUpperCase(Locale.ROOT);
            Token value = items.get(i + 1);
            switch (upper) {
                case "UID" -> uid = Values.number(value);
                case "FLAGS" -> flags = Values.atoms(value);
                case "RFC822.SIZE" -> size = Values.number(value);
                case "INTERNALDATE" -> internalDate = Values.string(value);
                case "MODSEQ" -> modSeq = modSeq(value);
                case "ENVELOPE" -> envelope = envelope(value);
                case "BODYSTRUCTURE", "BODY" -> structure = BodyStructureParser.parse(value, 0);
                default -> {
                    if (upper.startsWith("BINARY.SIZE[") && upper.endsWith("]")) {
                        binarySizes.put(upper.substring("BINARY.SIZE[".length(), upper.length() - 1),
                                Values.number(value));
                        continue;
                    }
                    SectionName section = SectionName.parse(name);
                    if (section != null) {
                        sections.add(section(section, value));
                    }
                    // other items (EMAILID, X-GM-*, ...) are not modelled
                }
            }
        }
        return new FetchData(sequence, uid, flags, size, internalDate, modSeq, envelope, structure, sections,
                binarySizes);
    }

    /** {@code MODSEQ (n)}: exactly one mod-sequence (RFC 7162 §3.1.4.1). */
    private static long modSeq(Token value) {
        List<Token> items = Values.list(value);
        if (items.size() != 1) {
            throw TokenReader.violation("MODSEQ needs exactly one value");
        }
        return Values.number(items.get(0));
    }

    private static SectionData section(SectionName name, Token value) {
        if (value instanceof Token.Streamed s) {
            return new SectionData(name.item(), name.origin(), s.size(), null);
        }
        if (value instanceof Token.Str s) {
            return new SectionData(name.item(), name.origin(), s.bytes().length, s.bytes());
        }
        if (value instanceof Token.Nil) {
            return new SectionData(name.item(), name.origin(), 0, new byte[0]);
        }
        throw TokenReader.violation("bad body section value");
    }

    static Envelope envelope(Token t) {
        List<Token> f = Values.list(t);
        if (f.size() < 10) {
            throw TokenReader.violation("short ENVELOPE");
        }
        return new Envelope(Values.nstring(f.get(0)), Values.nstring(f.get(1)), addresses(f.get(2)),
                addresses(f.get(3)), addresses(f.get(4)), addresses(f.get(5)), addresses(f.get(6)),
                addresses(f.get(7)), Values.nstring(f.get(8)), Values.nstring(f.get(9)));
    }

    private static List<Address> addresses(Token t) {
        List<Address> out = new ArrayList<>();
        for (Token a : Values.listOrNil(t)) {
            List<Token> p = Values.list(a);
            if (p.size() != 4) {
                throw TokenReader.violation("address with " + p.size() + " fields");
            }
            out.add(new Address(Values.nstring(p.get(0)), Values.nstring(p.get(1)), Values.nstring(p.get(2)),
                    Values.nstring(p.get(3))));
        }
        return out;
    }

    /** A body section item name split into the item and its origin. */
    record SectionName(String item, @Nullable Long origin) {

        /** The section item in {@code name}, or {@code null} when it is not a body section item. */
        static @Nullable SectionName parse(String name) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (upper.equals("RFC822") || upper.equals("RFC822.TEXT") || upper.equals("RFC822.HEADER")) {
                return new SectionName(upper, null);
            }
            int bracket = name.indexOf('[');
            if (bracket < 0) {
                return null;
            }
            String keyword = upper.substring(0, bracket);
            if (!keyword.equals("BODY") && !keyword.equals("BINARY")) {
                return null;
            }
            int close = name.lastIndexOf(']');
            if (close < bracket) {
                return null;
            }
            Long origin = null;
            String tail = name.substring(close + 1);
            if (!tail.isEmpty()) {
                if (!tail.startsWith("<") || !tail.endsWith(">")) {
                    throw TokenReader.violation("bad section origin");
                }
                try {
                    origin = Long.parseLong(tail.substring(1, tail.length() - 1));
                } catch (NumberFormatException e) {
                    throw TokenReader.violation("bad section origin");
                }
            }
            return new SectionName(keyword + name.substring(bracket, close + 1), origin);
        }
    }
}
