package io.deepmail.core.internal.dns;

import io.netty.buffer.ByteBuf;
import java.util.Locale;

/**
 * Reads a domain name in DNS wire format (RFC 1035 §3.1) from a buffer, following compression
 * pointers (§4.1.4) only backwards, so that no loop is possible, and within the RFC limits: labels
 * of at most 63 octets, names of at most 255 octets. Netty hands SRV and TLSA rdata over as a
 * duplicate of the whole message positioned on the rdata, so a pointer into the message before the
 * rdata can be followed; in any other buffer it points into the rdata itself or is rejected.
 */
final class WireNames {

    /** The longest name in wire format, length octets included (RFC 1035 §2.3.4). */
    static final int MAX_NAME_OCTETS = 255;

    private static final int MAX_LABEL_OCTETS = 63;

    private WireNames() {
    }

    /**
     * A name read from the buffer.
     *
     * @param text lower-case, dot-separated, without a trailing dot; {@code "."} for the root
     * @param end the index just after the name's octets at the read position (after the first
     *     pointer, if any)
     */
    record Name(String text, int end) {
    }

    /**
     * Reads the name that starts at {@code start}.
     *
     * @param buf the buffer, absolute indexes
     * @param start where the name starts
     * @param limit the first index the name's own octets may not reach (the end of the rdata)
     * @param what the field, for the error message
     * @return the name
     * @throws MalformedRdataException when the name is truncated, too long, uses a reserved label
     *     type, a forward pointer, or a character that is not letter, digit, hyphen or underscore
     */
    static Name read(ByteBuf buf, int start, int limit, String what) {
        StringBuilder text = new StringBuilder(32);
        int octets = 0;
        int pos = start;
        int end = -1;
        int bound = limit;
        while (true) {
            if (pos < 0 || pos >= bound) {
                throw new MalformedRdataException(what + " is truncated");
            }
            int len = buf.getUnsignedByte(pos);
            if ((len & 0xc0) == 0xc0) {
                if (pos + 1 >= bound) {
                    throw new MalformedRdataException(what + " has a truncated compression pointer");
                }
                int target = ((len & 0x3f) << 8) | buf.getUnsignedByte(pos + 1);
                if (target >= pos) {
                    throw new MalformedRdataException(what + " has a compression pointer that does not point back");
                }
                if (end < 0) {
                    end = pos + 2;
                }
                bound = pos;
                pos = target;
                continue;
            }
            if ((len & 0xc0) != 0) {
                throw new MalformedRdataException(what + " uses a reserved label type");
            }
            octets += len + 1;
            if (octets > MAX_NAME_OCTETS) {
                throw new MalformedRdataException(what + " is longer than 255 octets");
            }
            if (len == 0) {
                return new Name(text.length() == 0 ? "." : text.toString(), end < 0 ? pos + 1 : end);
            }
            if (len > MAX_LABEL_OCTETS || pos + 1 + len > bound) {
                throw new MalformedRdataException(what + " has a truncated or oversized label");
            }
            if (text.length() > 0) {
                text.append('.');
            }
            for (int i = pos + 1; i <= pos + len; i++) {
                char c = (char) buf.getUnsignedByte(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                    throw new MalformedRdataException(what + " contains a character that is not allowed in a host name");
                }
                text.append(Character.toLowerCase(c));
            }
            pos += 1 + len;
        }
    }

    /**
     * Lower-cases a name for comparison and drops one trailing dot.
     *
     * @param name a name as Netty or the caller spells it
     * @return the normalised name
     */
    static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.length() > 1 && n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
