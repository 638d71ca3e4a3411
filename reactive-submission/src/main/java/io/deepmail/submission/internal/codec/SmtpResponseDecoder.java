package io.deepmail.submission.internal.codec;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.transport.MailDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes SMTP replies (RFC 5321 §4.2), modelled on Netty's {@code SmtpResponseDecoder}: one line
 * per {@code decode} call, lines of a multi-line reply joined into one {@link SmtpResponse}, the
 * code parsed from the bytes without allocating. Every line must carry the same valid code.
 * Lines, line count and reply size are bounded; anything malformed or oversized discards the
 * buffered bytes and raises {@link ProtocolViolationException}, so an endless reply or a 10 MB
 * line never accumulates.
 */
public final class SmtpResponseDecoder extends MailDecoder {

    /** Longest accepted line, CRLF included: RFC 5321 says 512; servers exceed it a little. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 2_048;

    /** Most lines in one reply: EHLO lists hold a few dozen. */
    public static final int DEFAULT_MAX_LINES = 128;

    private final int maxLineLength;
    private final int maxLines;
    private final List<String> lines = new ArrayList<>();
    private int code = -1;

    /** A decoder with the default limits. */
    public SmtpResponseDecoder() {
        this(DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_LINES);
    }

    /**
     * A decoder with the given limits.
     *
     * @param maxLineLength longest line, CRLF included
     * @param maxLines most lines per reply
     */
    public SmtpResponseDecoder(int maxLineLength, int maxLines) {
        if (maxLineLength < 8 || maxLines < 1) {
            throw new IllegalArgumentException("limits too small: " + maxLineLength + ", " + maxLines);
        }
        this.maxLineLength = maxLineLength;
        this.maxLines = maxLines;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int lf = in.indexOf(start, in.writerIndex(), (byte) '\n');
        if (lf < 0) {
            if (in.readableBytes() > maxLineLength) {
                throw fail(in, "a reply line exceeds " + maxLineLength + " bytes");
            }
            return;
        }
        int length = lf - start + 1;
        if (length > maxLineLength) {
            throw fail(in, "a reply line exceeds " + maxLineLength + " bytes");
        }
        int end = lf > start && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
        int lineCode = parseCode(in, start, end);
        if (lineCode < 0) {
            throw fail(in, "malformed reply line: " + printable(in, start, end));
        }
        if (code >= 0 && lineCode != code) {
            throw fail(in, "a multi-line reply changed its code from " + code + " to " + lineCode);
        }
        boolean last = end - start == 3 || in.getByte(start + 3) == ' ';
        String text = end - start > 4 ? in.toString(start + 4, end - start - 4, StandardCharsets.UTF_8) : "";
        in.skipBytes(length);
        code = lineCode;
        lines.add(text);
        if (!last) {
            if (lines.size() >= maxLines) {
                throw fail(in, "a multi-line reply exceeds " + maxLines + " lines");
            }
            return;
        }
        out.add(new SmtpResponse(code, EnhancedStatus.parse(code, lines.get(0)), lines));
        reset();
    }

    @Override
    public void resetAfterTls() {
        reset();
    }

    private void reset() {
        lines.clear();
        code = -1;
    }

    /** The code of a line, or -1: three digits 2-5, 0-5, 0-9, then SP, '-' or the end of line. */
    private static int parseCode(ByteBuf in, int start, int end) {
        if (end - start < 3) {
            return -1;
        }
        int d1 = in.getByte(start) - '0';
        int d2 = in.getByte(start + 1) - '0';
        int d3 = in.getByte(start + 2) - '0';
        if (d1 < 2 || d1 > 5 || d2 < 0 || d2 > 5 || d3 < 0 || d3 > 9) {
            return -1;
        }
        if (end - start > 3) {
            byte separator = in.getByte(start + 3);
            if (separator != ' ' && separator != '-') {
                return -1;
            }
        }
        return d1 * 100 + d2 * 10 + d3;
    }

    private ProtocolViolationException fail(ByteBuf in, String message) {
        in.skipBytes(in.readableBytes());
        reset();
        return new ProtocolViolationException(message);
    }

    private static String printable(ByteBuf in, int start, int end) {
        int shown = Math.min(end - start, 64);
        StringBuilder out = new StringBuilder(shown + 2).append('"');
        for (int i = 0; i < shown; i++) {
            int b = in.getByte(start + i) & 0xff;
            out.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
        }
        return out.append(end - start > shown ? "...\"" : "\"").toString();
    }

    /** RFC 3463 enhanced status codes. */
    static final class EnhancedStatus {

        private EnhancedStatus() {
        }

        /**
         * The enhanced code at the start of {@code text}: class.subject.detail, class matching the
         * reply's first digit, subject and detail of one to three digits, then a space or the end.
         */
        static @Nullable String parse(int code, String text) {
            int n = text.length();
            if (n < 5 || text.charAt(0) != (char) ('0' + code / 100) || code / 100 == 3 || text.charAt(1) != '.') {
                return null;
            }
            int i = digits(text, 2);
            if (i < 0 || i >= n || text.charAt(i) != '.') {
                return null;
            }
            int j = digits(text, i + 1);
            if (j < 0 || (j < n && text.charAt(j) != ' ')) {
                return null;
            }
            return text.substring(0, j);
        }

        /** Index after one to three digits from {@code from}, or -1. */
        private static int digits(String text, int from) {
            int i = from;
            while (i < text.length() && i - from < 4 && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
                i++;
            }
            return i == from || i - from > 3 ? -1 : i;
        }
    }
}
