package io.deepmail.imap.internal.codec;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.transport.MailDecoder;
import io.deepmail.imap.response.EnabledData;
import io.deepmail.imap.response.FetchChunk;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Incremental IMAP response decoder: at most one frame per {@code decode} call, as
 * {@link MailDecoder} requires. A response is collected line by line; a literal announced at the
 * end of a line ({@code {n}}) is either buffered (bounded by {@link DecoderLimits#maxLiteralSize()})
 * or, when it is the value of a body section of an untagged FETCH, streamed as {@link FetchChunk}s
 * the moment its bytes arrive; a {@code literal8} ({@code ~{n}}, RFC 3516) is accepted only as the
 * value of a {@code BINARY[...]} section and is streamed the same way. The complete response then
 * goes through {@link ResponseParser}. Once the server confirms {@code ENABLED UTF8=ACCEPT} (or
 * IMAP4rev2), mailbox names are marked as UTF-8 rather than modified UTF-7 (RFC 6855).
 * Every violation of the syntax or the limits throws {@link ProtocolViolationException}; the
 * decoder then discards everything it receives, and holds no buffer of its own.
 */
public final class ImapResponseDecoder extends MailDecoder {

    private enum State { LINE, LITERAL, STREAM, FAILED }

    private final DecoderLimits limits;
    private State state = State.LINE;
    private int scanned;
    private final List<Fragment> fragments = new ArrayList<>();
    private long responseSize;
    private long fetchSequence = -1;
    private byte @Nullable [] literal;
    private int literalFill;
    private long streamRemaining;
    private long streamOffset;
    private FetchParser.@Nullable SectionName streamSection;
    private boolean utf8;

    /**
     * Creates a decoder.
     *
     * @param limits the bounds
     */
    public ImapResponseDecoder(DecoderLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        try {
            switch (state) {
                case LINE -> line(in, out);
                case LITERAL -> literal(in, out);
                case STREAM -> stream(in, out);
                default -> in.skipBytes(in.readableBytes());
            }
        } catch (ProtocolViolationException e) {
            fail(in);
            throw e;
        } catch (RuntimeException e) {
            fail(in);
            throw new ProtocolViolationException("malformed IMAP response: " + e.getMessage(), e);
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.isReadable()) {
            decode(ctx, in, out);
        }
        if (state != State.FAILED && (state != State.LINE || !fragments.isEmpty() || in.isReadable())) {
            fail(in);
            throw new ProtocolViolationException("the connection closed in the middle of an IMAP response");
        }
    }

    @Override
    public void resetAfterTls() {
        reset();
        utf8 = false;
        scanned = 0;
        state = State.LINE;
    }

    private void fail(ByteBuf in) {
        state = State.FAILED;
        reset();
        in.skipBytes(in.readableBytes());
    }

    private void reset() {
        fragments.clear();
        responseSize = 0;
        fetchSequence = -1;
        literal = null;
        streamSection = null;
    }

    private void line(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int readable = in.readableBytes();
        int lf = in.indexOf(start + scanned, start + readable, (byte) '\n');
        if (lf < 0) {
            if (readable > limits.maxLineLength()) {
                throw new ProtocolViolationException("IMAP line longer than " + limits.maxLineLength() + " bytes");
            }
            scanned = readable;
            return;
        }
        scanned = 0;
        int length = lf - start;
        if (length > limits.maxLineLength()) {
            throw new ProtocolViolationException("IMAP line longer than " + limits.maxLineLength() + " bytes");
        }
        int textLength = length > 0 && in.getByte(lf - 1) == '\r' ? length - 1 : length;
        byte[] text = new byte[textLength];
        in.getBytes(start, text);
        in.skipBytes(length + 1);
        for (byte b : text) {
            if (b == 0 || b == '\r') {
                throw new ProtocolViolationException("malformed IMAP response: NUL or bare CR in a line");
            }
        }
        grow(text.length);
        if (fragments.isEmpty()) {
            fetchSequence = fetchSequence(text);
        }
        fragments.add(new Fragment.Line(text));
        long announced = announcedLiteral(text);
        if (announced < 0) {
            List<Fragment> response = List.copyOf(fragments);
            reset();
            Object parsed = ResponseParser.parse(response, limits.maxNesting(), utf8);
            utf8 |= parsed instanceof EnabledData e && (e.capabilities().contains("UTF8=ACCEPT")
                    || e.capabilities().contains("IMAP4REV2"));
            out.add(parsed);
            return;
        }
        boolean literal8 = isLiteral8(text);
        FetchParser.SectionName section = fetchSequence >= 0 ? sectionBefore(text) : null;
        if (literal8 && (section == null || !section.item().startsWith("BINARY["))) {
            throw new ProtocolViolationException("malformed IMAP response: literal8 outside a BINARY section");
        }
        if (section != null) {
            if (announced > limits.maxStreamedLiteralSize()) {
                throw new ProtocolViolationException("body section of " + announced + " bytes exceeds the limit of "
                        + limits.maxStreamedLiteralSize());
            }
            fragments.add(new Fragment.Streamed(announced));
            streamSection = section;
            streamRemaining = announced;
            streamOffset = 0;
            state = State.STREAM;
            if (announced == 0) {
                stream(in, out);
            }
            return;
        }
        if (announced > limits.maxLiteralSize()) {
            throw new ProtocolViolationException("literal of " + announced + " bytes exceeds the limit of "
                    + limits.maxLiteralSize());
        }
        grow(announced);
        literal = new byte[(int) announced];
        literalFill = 0;
        state = State.LITERAL;
        if (announced == 0) {
            literal(in, out);
        }
    }

    private void literal(ByteBuf in, List<Object> out) {
        byte[] target = literal;
        if (target == null) {
            throw new IllegalStateException("no literal");
        }
        int n = Math.min(in.readableBytes(), target.length - literalFill);
        in.readBytes(target, literalFill, n);
        literalFill += n;
        if (literalFill == target.length) {
            fragments.add(new Fragment.Literal(target));
            literal = null;
            state = State.LINE;
        }
    }

    private void stream(ByteBuf in, List<Object> out) {
        FetchParser.SectionName section = streamSection;
        if (section == null) {
            throw new IllegalStateException("no section");
        }
        int n = (int) Math.min(in.readableBytes(), streamRemaining);
        ByteBuf content = in.readRetainedSlice(n);
        long offset = streamOffset;
        streamOffset += n;
        streamRemaining -= n;
        boolean last = streamRemaining == 0;
        if (last) {
            streamSection = null;
            state = State.LINE;
        }
        out.add(new FetchChunk(fetchSequence, section.item(), section.origin(), offset, content, last));
    }

    private void grow(long bytes) {
        responseSize += bytes;
        if (responseSize > limits.maxResponseSize()) {
            throw new ProtocolViolationException("IMAP response larger than " + limits.maxResponseSize() + " bytes");
        }
    }

    /** The size announced by a trailing {@code {n}} or {@code ~{n}}, or -1. */
    private static long announcedLiteral(byte[] text) {
        int end = text.length - 1;
        if (end < 2 || text[end] != '}') {
            return -1;
        }
        int i = end - 1;
        while (i >= 0 && text[i] >= '0' && text[i] <= '9') {
            i--;
        }
        if (i < 0 || text[i] != '{' || i == end - 1) {
            return -1;
        }
        if (end - 1 - i > 12) {
            throw new ProtocolViolationException("malformed IMAP response: literal size too long");
        }
        return Long.parseLong(new String(text, i + 1, end - 1 - i, StandardCharsets.US_ASCII));
    }

    /** Whether the literal announced at the end of {@code text} is a {@code literal8} ({@code ~{n}}). */
    private static boolean isLiteral8(byte[] text) {
        int brace = text.length - 2;
        while (text[brace] != '{') {
            brace--;
        }
        return brace > 0 && text[brace - 1] == '~';
    }

    /** The message number of an untagged FETCH response's first line, or -1. */
    private static long fetchSequence(byte[] text) {
        String head = new String(text, 0, Math.min(text.length, 32), StandardCharsets.US_ASCII)
                .toUpperCase(Locale.ROOT);
        if (!head.startsWith("* ")) {
            return -1;
        }
        int sp = head.indexOf(' ', 2);
        if (sp < 3 || !head.startsWith(" FETCH ", sp)) {
            return -1;
        }
        try {
            return Long.parseLong(head.substring(2, sp));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The body-section item name right before the literal announcement at the end of {@code text}, or null. */
    private static FetchParser.@Nullable SectionName sectionBefore(byte[] text) {
        int brace = text.length - 1;
        while (text[brace] != '{') {
            brace--;
        }
        if (brace > 0 && text[brace - 1] == '~') {
            brace--;
        }
        int end = brace - 1;
        if (end < 1 || text[end] != ' ') {
            return null;
        }
        int i = end - 1;
        if (text[i] == '>') {
            while (i > 0 && text[i] != '<') {
                i--;
            }
            i--;
        }
        if (i > 0 && text[i] == ']') {
            int depth = 0;
            for (; i > 0; i--) {
                if (text[i] == ']') {
                    depth++;
                } else if (text[i] == '[' && --depth == 0) {
                    break;
                }
            }
            i--;
        }
        while (i >= 0 && text[i] != ' ' && text[i] != '(') {
            i--;
        }
        String name = new String(text, i + 1, end - i - 1, StandardCharsets.UTF_8);
        return FetchParser.SectionName.parse(name);
    }
}
