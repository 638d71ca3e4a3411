package io.deepmail.imap.internal;

import io.deepmail.imap.command.LiteralSizeMismatchException;
import io.deepmail.imap.internal.codec.Arg;
import io.deepmail.imap.internal.codec.CommandSegment;
import io.deepmail.imap.internal.codec.LiteralChunk;
import io.deepmail.imap.internal.codec.Outbound;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns a {@link CommandSegment} that holds streamed literals into what the encoder writes: the text
 * before and after each literal, and the literal's content as {@link LiteralChunk}s in between. The
 * content publisher is subscribed to only when its turn to be written comes, and read at the pace the
 * engine requests (while the channel is writable), so a message is never held whole. The content
 * must have exactly the announced size: a surplus buffer is released unwritten and the stream fails
 * with {@link LiteralSizeMismatchException}, as it does when the content ends short; the engine then
 * closes the connection, whose byte stream is out of step.
 */
final class LiteralStreams {

    private LiteralStreams() {
    }

    /** What to write for {@code segment}, its streamed literals expanded. */
    static Flux<Outbound> expand(CommandSegment segment) {
        if (segment.pieces().stream().noneMatch(Arg.Streamed.class::isInstance)) {
            return Flux.just(segment);
        }
        List<Flux<Outbound>> parts = new ArrayList<>();
        List<Object> text = new ArrayList<>();
        for (Object piece : segment.pieces()) {
            if (piece instanceof Arg.Streamed literal) {
                if (!text.isEmpty()) {
                    parts.add(Flux.just(new CommandSegment(text, false)));
                    text = new ArrayList<>();
                }
                parts.add(content(literal));
            } else {
                text.add(piece);
            }
        }
        if (!text.isEmpty()) {
            parts.add(Flux.just(new CommandSegment(text, false)));
        }
        return Flux.concat(parts);
    }

    /** The literal's content as chunks, checked against its announced size. */
    static Flux<Outbound> content(Arg.Streamed literal) {
        return Flux.defer(() -> {
            long[] written = {0};
            return Flux.from(literal.content())
                    .<Outbound>handle((ByteBuf buf, reactor.core.publisher.SynchronousSink<Outbound> sink) -> {
                        long total = written[0] + buf.readableBytes();
                        if (total > literal.size()) {
                            buf.release();
                            sink.error(new LiteralSizeMismatchException(literal.size(), total));
                            return;
                        }
                        written[0] = total;
                        if (buf.isReadable()) {
                            sink.next(new LiteralChunk(buf));
                        } else {
                            buf.release();
                        }
                    })
                    .concatWith(Mono.defer(() -> written[0] == literal.size() ? Mono.empty()
                            : Mono.error(new LiteralSizeMismatchException(literal.size(), written[0]))));
        });
    }
}
