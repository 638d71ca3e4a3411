package io.deepmail.submission.internal;

import io.deepmail.submission.internal.codec.ContentChunk;
import io.deepmail.submission.internal.codec.ContentChunk.Framing;
import io.deepmail.submission.internal.codec.SmtpResponse;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Streams the message content after a 354 (dot-stuffed, {@code CRLF.CRLF}) or as BDAT chunks
 * (RFC 3030), as the application's publisher produces it: the exchange engine requests small
 * batches while the channel is writable, so the message is never held whole. Returns the server's
 * final reply to the message.
 */
final class DataFlow {

    /**
     * The most content bytes one chunk carries. A larger buffer from the application is cut into
     * slices of this size, so that one event-loop task never normalises and encrypts more than a
     * few of them (a whole 5 MB buffer would hold the loop for tens of milliseconds).
     */
    static final int PIECE = 64 * 1024;

    private DataFlow() {
    }

    /** The application's content with every buffer larger than {@link #PIECE} cut into slices, one buffer at a time. */
    static Flux<ByteBuf> pieces(Publisher<ByteBuf> content) {
        return Flux.from(content).flatMapIterable(DataFlow::cut, 1);
    }

    private static List<ByteBuf> cut(ByteBuf buffer) {
        if (buffer.readableBytes() <= PIECE) {
            return List.of(buffer);
        }
        List<ByteBuf> slices = new ArrayList<>(buffer.readableBytes() / PIECE + 1);
        try {
            while (buffer.isReadable()) {
                slices.add(buffer.readRetainedSlice(Math.min(PIECE, buffer.readableBytes())));
            }
        } finally {
            buffer.release();
        }
        return slices;
    }

    /** DATA content, after the server's 354. */
    static Mono<SmtpResponse> data(SmtpWire wire, Publisher<ByteBuf> content) {
        Flux<ContentChunk> chunks = pieces(content).map(b -> ContentChunk.of(b, Framing.DATA))
                .concatWith(Mono.fromCallable(() -> ContentChunk.end(Framing.DATA)));
        return wire.content(chunks, r -> true).single().map(r -> Replies.expectOk("DATA", r));
    }

    /**
     * BDAT chunks: one reply per chunk. After a refused chunk nothing more is sent, and the
     * exchange ends once every chunk already written has its reply.
     */
    static Mono<SmtpResponse> bdat(SmtpWire wire, Publisher<ByteBuf> content) {
        return Mono.defer(() -> {
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger received = new AtomicInteger();
            AtomicReference<SmtpResponse> failure = new AtomicReference<>();
            AtomicBoolean lastSent = new AtomicBoolean();
            Flux<ContentChunk> chunks = pieces(content)
                    .filter(ByteBuf::isReadable)
                    .takeWhile(b -> failure.get() == null)
                    .map(b -> {
                        sent.incrementAndGet();
                        return ContentChunk.of(b, Framing.BDAT);
                    })
                    .concatWith(Mono.fromCallable(() -> {
                        if (failure.get() != null) {
                            return null;
                        }
                        sent.incrementAndGet();
                        lastSent.set(true);
                        return ContentChunk.end(Framing.BDAT);
                    }));
            return wire.chunks(chunks, r -> {
                if (!r.isPositiveCompletion()) {
                    failure.compareAndSet(null, r);
                }
                int n = received.incrementAndGet();
                return n == sent.get() && (lastSent.get() || failure.get() != null);
            }).last().map(r -> {
                SmtpResponse refused = failure.get();
                if (refused != null) {
                    throw Replies.failure("BDAT", refused);
                }
                return r;
            });
        });
    }

    /** Ends a DATA the server accepted although the transaction failed: the bare terminator. */
    static Mono<SmtpResponse> abort(SmtpWire wire) {
        return wire.content(Mono.fromCallable(() -> ContentChunk.end(Framing.DATA)), r -> true).single();
    }
}
