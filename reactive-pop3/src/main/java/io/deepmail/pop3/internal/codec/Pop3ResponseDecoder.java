package io.deepmail.pop3.internal.codec;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.transport.MailDecoder;
import io.deepmail.pop3.response.Continuation;
import io.deepmail.pop3.response.Err;
import io.deepmail.pop3.response.MultiLine;
import io.deepmail.pop3.response.Ok;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Incremental POP3 response decoder: status lines, SASL challenges, and dot-terminated multi-line
 * responses streamed as dot-unstuffed {@link MultiLine.Chunk}s, so that a message is never held
 * whole. Whether a {@code +OK} opens a multi-line response is read from the {@link Expectations}
 * the encoder fills. One frame per {@code decode} call, as {@link MailDecoder} requires.
 *
 * <p>Malformed input (a line that is no status, a status line without CRLF, a bound of
 * {@link DecoderLimits} exceeded) raises {@link ProtocolViolationException}; from then on every
 * inbound byte is discarded, because the stream is out of step.
 */
public final class Pop3ResponseDecoder extends MailDecoder {

    private static final byte DOT = '.';
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final Expectations expectations;
    private final DecoderLimits limits;
    private boolean inData;
    private boolean atLineStart;
    private long lineLength;
    private long responseSize;
    private boolean failed;

    /**
     * Creates the decoder.
     *
     * @param expectations the queue shared with the connection's encoder
     * @param limits the bounds
     */
    public Pop3ResponseDecoder(Expectations expectations, DecoderLimits limits) {
        this.expectations = expectations;
        this.limits = limits;
        expectations.attach(this::bufferedBytes);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            if (inData) {
                decodeData(ctx, in, out);
            } else {
                decodeStatus(in, out);
            }
        } catch (ProtocolViolationException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    @Override
    public void resetAfterTls() {
        expectations.clear();
        inData = false;
    }

    private void decodeStatus(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int limit = limits.maxStatusLineLength() + 2;
        int eol = in.indexOf(start, Math.min(in.writerIndex(), start + limit), LF);
        if (eol < 0) {
            if (in.readableBytes() >= limit) {
                throw new ProtocolViolationException("the server sent a status line longer than "
                        + limits.maxStatusLineLength() + " octets");
            }
            return;
        }
        if (eol == start || in.getByte(eol - 1) != CR) {
            throw StatusLines.unexpected("a status line without CRLF",
                    in.toString(start, eol - start, StandardCharsets.UTF_8));
        }
        String line = in.toString(start, eol - 1 - start, StandardCharsets.UTF_8);
        in.skipBytes(eol + 1 - start);
        ResponseShape shape = expectations.next();
        if (shape == null) {
            // Every command records its expectation before it is written, so this reply answers
            // nothing: a server running ahead, or an injection trying to shift later answers.
            throw StatusLines.unexpected("a reply to no command", line);
        }
        Ok ok = StatusLines.ok(line);
        if (ok != null) {
            if (shape == ResponseShape.MULTI_LINE) {
                inData = true;
                atLineStart = true;
                lineLength = 0;
                responseSize = 0;
                out.add(new MultiLine.Start(ok));
            } else {
                expectations.completed();
                out.add(ok);
            }
            return;
        }
        Err err = StatusLines.err(line);
        if (err != null) {
            expectations.completed();
            out.add(err);
            return;
        }
        String challenge = shape == ResponseShape.SINGLE_AFTER_CHALLENGES ? StatusLines.challenge(line) : null;
        if (challenge != null) {
            out.add(new Continuation(challenge));
            return;
        }
        throw StatusLines.unexpected("a line that is no POP3 status", line);
    }

    private void decodeData(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        ByteBuf chunk = null;
        try {
            while (in.isReadable()) {
                if (atLineStart) {
                    int r = in.readerIndex();
                    if (in.getByte(r) == DOT) {
                        if (in.readableBytes() < 3) {
                            break;
                        }
                        if (in.getByte(r + 1) == CR && in.getByte(r + 2) == LF) {
                            if (chunk != null) {
                                break;
                            }
                            in.skipBytes(3);
                            inData = false;
                            expectations.completed();
                            out.add(new MultiLine.End());
                            return;
                        }
                        in.skipBytes(1);
                        lineLength = 1;
                    }
                    atLineStart = false;
                }
                int room = limits.chunkSize() - (chunk == null ? 0 : chunk.readableBytes());
                if (room == 0) {
                    break;
                }
                int r = in.readerIndex();
                int end = r + Math.min(in.readableBytes(), room);
                int lf = in.indexOf(r, end, LF);
                int n = (lf >= 0 ? lf + 1 : end) - r;
                account(n, lf >= 0);
                if (chunk == null) {
                    chunk = ctx.alloc().buffer(Math.min(in.readableBytes(), limits.chunkSize()));
                }
                chunk.writeBytes(in, n);
            }
            if (chunk != null) {
                out.add(new MultiLine.Chunk(chunk));
                chunk = null;
            }
        } finally {
            release(chunk);
        }
    }

    private void account(int n, boolean endsLine) {
        lineLength += n;
        responseSize += n;
        if (lineLength - (endsLine ? 2 : 0) > limits.maxDataLineLength()) {
            throw new ProtocolViolationException("the server sent a line longer than " + limits.maxDataLineLength()
                    + " octets in a multi-line response");
        }
        if (responseSize > limits.maxResponseSize()) {
            throw new ProtocolViolationException("the server sent a multi-line response larger than "
                    + limits.maxResponseSize() + " octets");
        }
        if (endsLine) {
            lineLength = 0;
            atLineStart = true;
        }
    }

    private static void release(@Nullable ByteBuf buf) {
        if (buf != null) {
            buf.release();
        }
    }
}
