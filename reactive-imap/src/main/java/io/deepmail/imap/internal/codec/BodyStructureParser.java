package io.deepmail.imap.internal.codec;

import io.deepmail.imap.response.BodyStructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps BODYSTRUCTURE (or BODY) to {@link BodyStructure}, tolerating absent extension data. */
final class BodyStructureParser {

    private BodyStructureParser() {
    }

    static BodyStructure parse(Token t, int depth) {
        if (depth > 32) {
            throw TokenReader.violation("body structure nested too deeply");
        }
        List<Token> f = Values.list(t);
        if (f.isEmpty()) {
            throw TokenReader.violation("empty body structure");
        }
        if (f.get(0) instanceof Token.ListTok) {
            List<BodyStructure> parts = new ArrayList<>();
            int i = 0;
            while (i < f.size() && f.get(i) instanceof Token.ListTok) {
                parts.add(parse(f.get(i), depth + 1));
                i++;
            }
            if (i >= f.size()) {
                throw TokenReader.violation("multipart without subtype");
            }
            String subtype = Values.string(f.get(i));
            Map<String, String> params = i + 1 < f.size() ? Values.parameters(f.get(i + 1)) : Map.of();
            return new BodyStructure.Multipart(parts, subtype, params);
        }
        if (f.size() < 7) {
            throw TokenReader.violation("short body part");
        }
        String type = Values.string(f.get(0)).toLowerCase(Locale.ROOT);
        String subtype = Values.string(f.get(1)).toLowerCase(Locale.ROOT);
        Map<String, String> params = Values.parameters(f.get(2));
        String id = Values.nstring(f.get(3));
        String description = Values.nstring(f.get(4));
        String encoding = Values.nstring(f.get(5));
        long size = Values.number(f.get(6));
        int i = 7;
        long lines = -1;
        BodyStructure message = null;
        if ((type.equals("message") && (subtype.equals("rfc822") || subtype.equals("global"))) && f.size() >= 10) {
            FetchParser.envelope(f.get(7));
            message = parse(f.get(8), depth + 1);
            lines = Values.number(f.get(9));
            i = 10;
        } else if (type.equals("text") && f.size() > 7) {
            lines = Values.number(f.get(7));
            i = 8;
        }
        String disposition = null;
        Map<String, String> dispositionParams = Map.of();
        if (f.size() > i + 1 && f.get(i + 1) instanceof Token.ListTok d) { // after body-fld-md5
            List<Token> dl = d.items();
            if (dl.size() >= 2) {
                disposition = Values.string(dl.get(0)).toLowerCase(Locale.ROOT);
                dispositionParams = Values.parameters(dl.get(1));
            }
        }
        return new BodyStructure.Single(type, subtype, params, id, description,
                encoding == null ? "7BIT" : encoding.toUpperCase(Locale.ROOT), size, lines, disposition,
                dispositionParams, message);
    }
}
